namespace CiOidcLint.Analysis.Tests.Corpus;

/// <summary>
/// The shared corpus sits beside the repository (../shared/corpus). It is data to test against,
/// never copied into the project; where it is absent the corpus tests skip with a message.
/// </summary>
public static class CorpusLocation
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Corpus => Environment.GetEnvironmentVariable("CIOIDCLINT_CORPUS") is { Length: > 0 } given
        ? given
        : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));

    public static bool Exists => Directory.Exists(Corpus);

    public static string SkipMessage => $"the shared corpus is not at {Corpus}; set CIOIDCLINT_CORPUS to run these tests";

    private static string FindRepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "CiOidcLint.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("cannot find CiOidcLint.sln above " + AppContext.BaseDirectory);
    }
}

using System.Text;

namespace CiOidcLint.Analysis.Tests.Support;

/// <summary>
/// Golden files under <c>tests/CiOidcLint.Analysis.Tests/Golden</c>. With
/// <c>CIOIDCLINT_UPDATE_GOLDEN=1</c> a mismatch rewrites the file (review the diff in git);
/// otherwise it fails with the lines that differ.
/// </summary>
public static class Golden
{
    public static string Folder => Path.Combine(Corpus.CorpusLocation.RepositoryRoot, "tests", "CiOidcLint.Analysis.Tests", "Golden");

    public static void Compare(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        var expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("CIOIDCLINT_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.Fail(Diff(name, expected, actual));
    }

    private static string Diff(string name, string? expected, string actual)
    {
        var report = new StringBuilder($"{name} differs from its golden file (CIOIDCLINT_UPDATE_GOLDEN=1 rewrites it):\n");
        if (expected is null)
        {
            report.AppendLine("(no golden file yet)");
            expected = string.Empty;
        }

        var want = expected.Split('\n');
        var got = actual.Split('\n');
        foreach (var line in want.Except(got))
        {
            report.AppendLine("- " + line);
        }

        foreach (var line in got.Except(want))
        {
            report.AppendLine("+ " + line);
        }

        return report.ToString();
    }
}

namespace CiOidcLint.Cli.Tests;

/// <summary>A throw-away git repository on disk.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository(bool withGit = true)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cioidclint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (withGit)
        {
            // The linter only looks for the .git folder; an empty one marks the root.
            Directory.CreateDirectory(System.IO.Path.Combine(Root, ".git"));
        }
    }

    public string Root { get; }

    public TempRepository Write(string path, string text)
    {
        var full = System.IO.Path.Combine(Root, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public string Full(string path) => System.IO.Path.Combine(Root, path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

namespace CiOidcLint.LanguageServer.Tests;

/// <summary>A repository folder in the temp directory, deleted at the end.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "cioidclint-lsp-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
    }

    public string Root { get; }

    public string Write(string path, string text)
    {
        var full = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return Uri(path);
    }

    public string Read(string path) => File.ReadAllText(FullPath(path));

    public string FullPath(string path) => Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));

    public string Uri(string path) => new System.Uri(FullPath(path)).AbsoluteUri;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A server still holding a file; the temp folder is cleaned eventually.
        }
    }
}

using System;
using System.IO;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>Between <c>file:</c> URIs and repository paths (relative to the workspace folder, '/' separated).</summary>
public sealed class PathMapper
{
    public PathMapper(string root)
    {
        Root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        if (Root.Length == 0)
        {
            Root = Path.DirectorySeparatorChar.ToString();
        }
    }

    public string Root { get; }

    /// <summary>The local folder of a <c>file:</c> URI, or null for other schemes.</summary>
    public static string? ToLocalPath(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        return Path.GetFullPath(parsed.LocalPath);
    }

    /// <summary>The repository path of a URI, or null when it is not a file inside the repository.</summary>
    public string? ToRepositoryPath(string uri)
    {
        var local = ToLocalPath(uri);
        if (local is null)
        {
            return null;
        }

        var prefix = Root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? Root : Root + Path.DirectorySeparatorChar;
        return local.StartsWith(prefix, StringComparison.Ordinal) ? local.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/') : null;
    }

    public string ToFullPath(string repositoryPath) => Path.Combine(Root, repositoryPath.Replace('/', Path.DirectorySeparatorChar));

    public string ToUri(string repositoryPath) => new Uri(ToFullPath(repositoryPath)).AbsoluteUri;
}

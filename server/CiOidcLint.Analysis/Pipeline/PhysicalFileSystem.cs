using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>The repository on disk, below <see cref="Root"/>; nothing outside it is ever read.</summary>
public sealed class PhysicalFileSystem : IPipelineFileSystem
{
    public PhysicalFileSystem(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string ToFullPath(string path) => Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The repository path of a full path, or null when it lies outside the repository.</summary>
    public string? ToRepositoryPath(string fullPath)
    {
        var full = Path.GetFullPath(fullPath);
        var root = Root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? Root : Root + Path.DirectorySeparatorChar;
        if (string.Equals(full, Root, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        return full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/') : null;
    }

    public SourceText? ReadFile(string path)
    {
        var full = ToFullPath(path);
        if (!File.Exists(full))
        {
            return null;
        }

        using var stream = File.OpenRead(full);
        // SourceText detects a BOM and otherwise reads UTF-8, as GitLab does.
        return SourceText.From(stream, Encoding.UTF8, throwIfBinaryDetected: false);
    }

    public IEnumerable<string> EnumerateFiles(string directory)
    {
        var full = ToFullPath(directory);
        return Directory.Exists(full)
            ? Directory.EnumerateFiles(full).Select(f => Join(directory, Path.GetFileName(f))).OrderBy(p => p, StringComparer.Ordinal).ToList()
            : Enumerable.Empty<string>();
    }

    public IEnumerable<string> EnumerateDirectories(string directory)
    {
        var full = ToFullPath(directory);
        return Directory.Exists(full)
            ? Directory.EnumerateDirectories(full).Select(d => Join(directory, Path.GetFileName(d))).Where(d => d != ".git").OrderBy(p => p, StringComparer.Ordinal).ToList()
            : Enumerable.Empty<string>();
    }

    private static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;
}

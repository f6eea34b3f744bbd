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

    /// <summary>
    /// Files above this are refused unread. GitLab itself rejects YAML over 2 MB (reported as
    /// CIOL000); this only keeps a stray disk image from being loaded into memory.
    /// </summary>
    public const long MaxReadBytes = 32L * 1024 * 1024;

    public SourceText? ReadFile(string path)
    {
        var full = ToFullPath(path);
        if (!File.Exists(full))
        {
            return null;
        }

        var info = new FileInfo(full);
#if NET
        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target && ToRepositoryPath(target.FullName) is null)
        {
            throw new IOException($"{path} is a link to {target.FullName}, outside the repository; it is not read");
        }
#endif

        var length = info.Length;
        if (length > MaxReadBytes)
        {
            throw new IOException($"{path} is {length:N0} bytes; GitLab reads at most 2 MB of YAML per file, and this linter does not load files over {MaxReadBytes / (1024 * 1024)} MB");
        }

        using var stream = File.OpenRead(full);
        // SourceText detects a BOM and otherwise reads UTF-8, as GitLab does.
        return SourceText.From(stream, Encoding.UTF8, throwIfBinaryDetected: false);
    }

    public IEnumerable<string> EnumerateFiles(string directory)
    {
        var full = ToFullPath(directory);
        try
        {
            return Directory.Exists(full)
                ? Directory.EnumerateFiles(full).Select(f => Join(directory, Path.GetFileName(f))).OrderBy(p => p, StringComparer.Ordinal).ToList()
                : Enumerable.Empty<string>();
        }
        catch (UnauthorizedAccessException)
        {
            // A folder the user may not read holds nothing the linter can check.
            return Enumerable.Empty<string>();
        }
    }

    public IEnumerable<string> EnumerateDirectories(string directory)
    {
        try
        {
            return ReadableDirectories(directory);
        }
        catch (UnauthorizedAccessException)
        {
            return Enumerable.Empty<string>();
        }
    }

    private IEnumerable<string> ReadableDirectories(string directory)
    {
        var full = ToFullPath(directory);
        return Directory.Exists(full)
            ? Directory.EnumerateDirectories(full)
                .Where(d => (File.GetAttributes(d) & FileAttributes.ReparsePoint) == 0) // a linked folder may loop or leave the repository
                .Select(d => Join(directory, Path.GetFileName(d)))
                .Where(d => d != ".git")
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList()
            : Enumerable.Empty<string>();
    }

    private static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using CiOidcLint.Analysis.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analyzers;

/// <summary>
/// The repository as the compiler hands it to an analyzer: only its AdditionalFiles, by
/// repository path. An analyzer reads no file itself (the compiler may run where the disk is
/// not the project's, and caches what it read), so included files and <c>.editorconfig</c>
/// files reach the engine only if the build lists them, as the package's targets do.
/// </summary>
internal sealed class AdditionalFilesFileSystem : IPipelineFileSystem
{
    private readonly Dictionary<string, AdditionalText> _files;
    private readonly Dictionary<string, AdditionalText> _byFullPath;
    private readonly CancellationToken _cancellationToken;

    public AdditionalFilesFileSystem(string root, IEnumerable<AdditionalText> files, CancellationToken cancellationToken)
    {
        Root = Normalize(root).TrimEnd('/');
        _cancellationToken = cancellationToken;
        _files = new Dictionary<string, AdditionalText>(PathComparer);
        _byFullPath = new Dictionary<string, AdditionalText>(PathComparer);
        foreach (var file in files)
        {
            var full = Normalize(file.Path);
            _byFullPath[full] = file;
            if (ToRepositoryPath(full) is { } path)
            {
                _files[path] = file;
            }
        }
    }

    /// <summary>Paths compare as the file system does: without case on Windows.</summary>
    public static StringComparer PathComparer { get; } = Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The repository root, with forward slashes.</summary>
    public string Root { get; }

    /// <summary>The repository paths of the files the build listed.</summary>
    public IEnumerable<string> Paths => _files.Keys;

    public SourceText? ReadFile(string path) => _files.TryGetValue(path, out var file) ? file.GetText(_cancellationToken) : null;

    /// <summary>A file by its full path (an <c>.editorconfig</c> the scope asks for), or null.</summary>
    public string? ReadFullPath(string fullPath) => _byFullPath.TryGetValue(Normalize(fullPath), out var file) ? file.GetText(_cancellationToken)?.ToString() : null;

    public IEnumerable<string> EnumerateFiles(string directory)
        => _files.Keys.Where(p => string.Equals(Parent(p), directory, PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p, StringComparer.Ordinal);

    public IEnumerable<string> EnumerateDirectories(string directory)
    {
        var prefix = directory.Length == 0 ? string.Empty : directory + "/";
        return _files.Keys
            .Where(p => p.StartsWith(prefix, PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase) && p.IndexOf('/', prefix.Length) > 0)
            .Select(p => p.Substring(0, p.IndexOf('/', prefix.Length)))
            .Distinct(PathComparer)
            .OrderBy(p => p, StringComparer.Ordinal);
    }

    /// <summary>The repository path of a full path, or null outside the root.</summary>
    public string? ToRepositoryPath(string fullPath)
    {
        var full = Normalize(fullPath);
        return full.Length > Root.Length + 1 && full.StartsWith(Root + "/", PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)
            ? full.Substring(Root.Length + 1)
            : null;
    }

    private static string Parent(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path.Substring(0, slash) : string.Empty;

    /// <summary>
    /// Forward slashes, with <c>.</c> and <c>..</c> resolved: a project lists its pipeline as
    /// <c>../../.gitlab-ci.yml</c>, and the compiler passes such a path on as it was written.
    /// </summary>
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        var segments = path.Replace('\\', '/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "." || (segment.Length == 0 && i > 0 && i < segments.Length - 1))
            {
                continue;
            }

            if (segment == ".." && parts.Count > 1)
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        return string.Join("/", parts);
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// Texts not yet on disk (edited in memory by fixes, or open in an editor) laid over another file
/// system. It also remembers the text it first read of each file, so a writer can tell whether the
/// file changed underneath.
/// </summary>
public sealed class OverlayFileSystem : IPipelineFileSystem
{
    private readonly IPipelineFileSystem _inner;
    private readonly ConcurrentDictionary<string, SourceText> _overrides = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SourceText?> _originals = new(StringComparer.Ordinal);

    public OverlayFileSystem(IPipelineFileSystem inner)
    {
        _inner = inner;
    }

    /// <summary>The paths given new text, in no particular order.</summary>
    public IEnumerable<string> ChangedPaths => _overrides.Keys;

    public void SetText(string path, SourceText text) => _overrides[path] = text;

    /// <summary>The text of the file as first read from the file system underneath (null when it did not exist).</summary>
    public SourceText? Original(string path) => _originals.GetOrAdd(path, p => _inner.ReadFile(p));

    public SourceText? ReadFile(string path) => _overrides.TryGetValue(path, out var text) ? text : Original(path);

    public IEnumerable<string> EnumerateFiles(string directory)
    {
        var prefix = directory.Length == 0 ? string.Empty : directory + "/";
        var added = _overrides.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.IndexOf('/', prefix.Length) < 0);
        return _inner.EnumerateFiles(directory).Union(added, StringComparer.Ordinal);
    }

    public IEnumerable<string> EnumerateDirectories(string directory) => _inner.EnumerateDirectories(directory);
}

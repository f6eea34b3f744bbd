using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>A repository held in memory: for tests, benchmarks and unsaved editor buffers.</summary>
public sealed class InMemoryFileSystem : IPipelineFileSystem
{
    private readonly Dictionary<string, SourceText> _files = new(StringComparer.Ordinal);

    public InMemoryFileSystem(IEnumerable<KeyValuePair<string, string>>? files = null)
    {
        foreach (var pair in files ?? Enumerable.Empty<KeyValuePair<string, string>>())
        {
            Add(pair.Key, pair.Value);
        }
    }

    public InMemoryFileSystem Add(string path, string text) => Add(path, SourceText.From(text));

    public InMemoryFileSystem Add(string path, SourceText text)
    {
        _files[path.TrimStart('/')] = text;
        return this;
    }

    public SourceText? ReadFile(string path) => _files.TryGetValue(path, out var text) ? text : null;

    public IEnumerable<string> EnumerateFiles(string directory)
        => _files.Keys.Where(p => ParentOf(p) == directory).OrderBy(p => p, StringComparer.Ordinal);

    public IEnumerable<string> EnumerateDirectories(string directory)
    {
        var prefix = directory.Length == 0 ? string.Empty : directory + "/";
        return _files.Keys
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.IndexOf('/', prefix.Length) > 0)
            .Select(p => p.Substring(0, p.IndexOf('/', prefix.Length)))
            .Distinct()
            .OrderBy(p => p, StringComparer.Ordinal);
    }

    private static string ParentOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }
}

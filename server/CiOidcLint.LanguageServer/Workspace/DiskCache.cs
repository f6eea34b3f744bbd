using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CiOidcLint.Analysis.Configuration;
using CiOidcLint.Analysis.Pipeline;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>
/// Files of the pipeline that are not open, and <c>.editorconfig</c> files, read from disk once
/// and kept until <c>workspace/didChangeWatchedFiles</c> says they changed (or a save does).
/// Severity configurations are kept per set of folders for the same reason.
/// </summary>
public sealed class DiskCache
{
    private readonly PhysicalFileSystem _disk;
    private readonly ConcurrentDictionary<string, SourceText?> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _editorConfigs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SeverityConfiguration> _severities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _knownFolders = new(StringComparer.Ordinal);

    public DiskCache(string root)
    {
        _disk = new PhysicalFileSystem(root);
        _knownFolders[string.Empty] = 0;
    }

    public PhysicalFileSystem Disk => _disk;

    /// <summary>Folders (repository paths) that hold files of some pipeline seen so far: their .editorconfig files apply.</summary>
    public IReadOnlyCollection<string> KnownFolders => _knownFolders.Keys.ToList();

    public SourceText? ReadFile(string path) => _files.GetOrAdd(path, p => _disk.ReadFile(p));

    /// <summary>Adds folders; true when one was new, so the severity configuration must be rebuilt.</summary>
    public bool AddFolders(IEnumerable<string> folders)
    {
        var added = false;
        foreach (var folder in folders)
        {
            added |= _knownFolders.TryAdd(folder, 0);
        }

        return added;
    }

    public SeverityConfiguration Severities(IEnumerable<string> folders)
    {
        var sorted = folders.Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
        return _severities.GetOrAdd(string.Join("\n", sorted), _ =>
        {
            var full = sorted.Select(f => _disk.ToFullPath(f).TrimEnd(Path.DirectorySeparatorChar));
            var configs = EditorConfigDiscovery.Find(full, path => _editorConfigs.GetOrAdd(path, p => File.Exists(p) ? File.ReadAllText(p) : null));
            return SeverityConfiguration.Create(_disk.Root, configs);
        });
    }

    /// <summary>Forgets what was read of a file (by full path); an .editorconfig also drops every severity configuration.</summary>
    public void Invalidate(string fullPath)
    {
        var path = _disk.ToRepositoryPath(fullPath);
        if (path is not null)
        {
            _files.TryRemove(path, out _);
        }

        if (Path.GetFileName(fullPath) == ".editorconfig")
        {
            _editorConfigs.TryRemove(Path.GetFullPath(fullPath), out _);
            _severities.Clear();
        }
    }

    /// <summary>Forgets everything: for watched-file events under a folder that was removed or renamed.</summary>
    public void Clear()
    {
        _files.Clear();
        _editorConfigs.Clear();
        _severities.Clear();
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CiOidcLint.Analysis.Configuration;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>
/// Files of the pipeline that are not open, and <c>.editorconfig</c> files, read from disk once
/// and kept until <c>workspace/didChangeWatchedFiles</c> says they changed (or a save does).
/// Severity configurations are kept by <see cref="RepositoryScope"/> for the same reason.
/// </summary>
public sealed class DiskCache
{
    private readonly PhysicalFileSystem _disk;
    private readonly ConcurrentDictionary<string, SourceText?> _files = new(StringComparer.Ordinal);

    public DiskCache(string root)
    {
        _disk = new PhysicalFileSystem(root);
        Scope = RepositoryScope.OnDisk(root);
    }

    /// <summary>Which files are pipelines and which .editorconfig files apply, as the CLI decides it.</summary>
    public RepositoryScope Scope { get; }

    public PhysicalFileSystem Disk => _disk;

    public SourceText? ReadFile(string path) => _files.GetOrAdd(path, p => _disk.ReadFile(p));

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
            Scope.Forget(fullPath);
        }
    }

    /// <summary>Forgets everything: for watched-file events under a folder that was removed or renamed.</summary>
    public void Clear()
    {
        _files.Clear();
        Scope.ForgetAll();
    }
}

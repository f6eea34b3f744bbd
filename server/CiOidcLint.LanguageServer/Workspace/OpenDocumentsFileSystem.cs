using System;
using System.Collections.Generic;
using System.Linq;
using CiOidcLint.Analysis.Pipeline;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>The repository as the editor sees it: open documents over the files on disk.</summary>
public sealed class OpenDocumentsFileSystem : IPipelineFileSystem
{
    private readonly DocumentStore _documents;
    private readonly DiskCache _disk;

    public OpenDocumentsFileSystem(DocumentStore documents, DiskCache disk)
    {
        _documents = documents;
        _disk = disk;
    }

    public SourceText? ReadFile(string path) => _documents.GetByPath(path)?.Text ?? _disk.ReadFile(path);

    public IEnumerable<string> EnumerateFiles(string directory)
        => _disk.Disk.EnumerateFiles(directory)
            .Concat(_documents.All.Where(d => d.Path is not null && ParentOf(d.Path) == directory).Select(d => d.Path!))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal);

    public IEnumerable<string> EnumerateDirectories(string directory) => _disk.Disk.EnumerateDirectories(directory);

    private static string ParentOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }
}

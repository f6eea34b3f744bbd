using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>
/// Analyses a snapshot the way <c>cioidclint check</c> analyses a repository: the pipeline of
/// <c>.gitlab-ci.yml</c> (open or on disk), then each open pipeline file it does not include,
/// with severities from the <c>.editorconfig</c> files that apply to their folders.
/// </summary>
public static class WorkspaceAnalyzer
{
    public static WorkspaceAnalysis Analyze(WorkspaceSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.Disk is not { } disk)
        {
            return WorkspaceAnalysis.Empty;
        }

        var open = snapshot.Documents.All.Where(d => d.Path is not null).Select(d => d.Path!).ToImmutableHashSet(StringComparer.Ordinal);
        try
        {
            return new WorkspaceAnalysis(Analyze(snapshot, new OpenDocumentsFileSystem(snapshot.Documents, disk), cancellationToken), open);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            snapshot.ReportError($"cannot read the pipeline: {ex.Message}");
            return WorkspaceAnalysis.Empty;
        }
    }

    /// <summary>The snapshot's pipelines read through <paramref name="fileSystem"/> (the snapshot's own files, or fixes laid over them).</summary>
    public static ImmutableArray<PipelineResult> Analyze(WorkspaceSnapshot snapshot, IPipelineFileSystem fileSystem, CancellationToken cancellationToken)
    {
        if (snapshot.Disk is not { } disk)
        {
            return ImmutableArray<PipelineResult>.Empty;
        }

        var roots = snapshot.Documents.All.Where(d => d.Path is not null).Select(d => d.Path!)
            .Where(p => PipelineFiles.IsPipelineFile(p, snapshot.Settings)).OrderBy(p => p, StringComparer.Ordinal).ToList();
        return new RepositoryAnalysis(fileSystem, disk.Scope).Analyze(roots, cancellationToken);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Workspace;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Handlers.Diagnostics;

/// <summary>
/// <c>cioidclint/lintWorkspace</c>, the server's own request behind the editor's "Lint
/// Workspace": every pipeline file under the server's root (the folder it was started for), open
/// or not, found by the same walk as <c>check .</c> (<see cref="RepositoryScope"/>), analysed with
/// the open documents' text, and returned as the diagnostics the server publishes, help links and
/// all. A file that cannot be read is skipped, as <c>check</c> skips it. Not <c>workspace/diagnostic</c>:
/// clients pull that again and again in the background, and a scan of the whole repository
/// belongs to the moment a user asks for it.
/// </summary>
public sealed class LintWorkspaceHandler : RequestHandler<NoParams, LintWorkspaceResult>
{
    public const string MethodName = "cioidclint/lintWorkspace";

    public override string Method => MethodName;

    public override Task<LintWorkspaceResult?> HandleAsync(NoParams? request, RequestContext context, CancellationToken cancellationToken)
    {
        var snapshot = context.Snapshot;
        if (snapshot.Disk is not { } disk)
        {
            return Task.FromResult<LintWorkspaceResult?>(new LintWorkspaceResult());
        }

        var files = new List<string>();
        foreach (var file in RepositoryScope.FindPipelineFiles(disk.Disk, string.Empty, snapshot.Settings.Files))
        {
            cancellationToken.ThrowIfCancellationRequested();
            files.Add(file);
        }

        var open = snapshot.Documents.All.Where(d => d.Path is not null).Select(d => d.Path!).ToImmutableHashSet(StringComparer.Ordinal);
        var repository = new RepositoryAnalysis(new OpenDocumentsFileSystem(snapshot.Documents, disk), disk.Scope);
        var results = ImmutableArray.CreateBuilder<PipelineResult>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in new[] { RepositoryAnalysis.RootPipelinePath }.Concat(files))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!covered.Add(root))
            {
                continue;
            }

            try
            {
                if (repository.AnalyzePipeline(root, cancellationToken) is { } result)
                {
                    results.Add(result);
                    covered.UnionWith(result.Pipeline.Files.Select(f => f.Path));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A link out of the repository, a file too large to read: as check does, it is
                // skipped with a word in the log, and the rest of the workspace is still linted.
                context.State.Log.Warning($"lint workspace: skipped {root}: {ex.Message}");
            }
        }

        var analysis = new WorkspaceAnalysis(results.ToImmutable(), open);
        var items = analysis.FindingsByPath
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new FileDiagnostics
            {
                Uri = snapshot.UriOf(p.Key),
                Diagnostics = p.Value.Select(f => DiagnosticFactory.Create(f, snapshot, context.State.Features)).ToList(),
            })
            .ToList();
        return Task.FromResult<LintWorkspaceResult?>(new LintWorkspaceResult { PipelineFiles = files.Count, Items = items });
    }
}

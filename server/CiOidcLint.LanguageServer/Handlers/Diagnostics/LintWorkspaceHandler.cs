using System;
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
/// Workspace": every pipeline file of the repository, open or not, found as <c>check</c> finds
/// them (<see cref="RepositoryScope"/>), analysed with the open documents' text, and returned as
/// the diagnostics the server publishes, help links and all. Not <c>workspace/diagnostic</c>:
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

        var files = RepositoryScope.FindPipelineFiles(disk.Disk, string.Empty, snapshot.Settings.Files).ToList();
        var open = snapshot.Documents.All.Where(d => d.Path is not null).Select(d => d.Path!).ToImmutableHashSet(StringComparer.Ordinal);
        var results = new RepositoryAnalysis(new OpenDocumentsFileSystem(snapshot.Documents, disk), disk.Scope).Analyze(files, cancellationToken);
        var analysis = new WorkspaceAnalysis(results, open);
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

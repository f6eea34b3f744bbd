using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Handlers.Navigation;

/// <summary>
/// <c>textDocument/references</c> for ID tokens: from an <c>id_tokens</c> entry or a <c>$NAME</c>
/// use, every <c>token:</c>, script and variable that names it in the jobs that get it.
/// </summary>
public sealed class ReferencesHandler : RequestHandler<ReferenceParams, IReadOnlyList<Location>>
{
    public override string Method => "textDocument/references";

    public override async Task<IReadOnlyList<Location>?> HandleAsync(ReferenceParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (await RequestDocument.GetAsync(context.Snapshot, request.TextDocument.Uri, request.Position, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        string? name = null;
        if (NodePath.Find(document.File, document.Offset) is { IsKey: true } path && path.KeyFromEnd(1) == "id_tokens")
        {
            name = path.KeyFromEnd(0);
        }
        else if (PipelineNavigator.VariableAt(document.Text, document.Offset) is { } variable)
        {
            name = variable.Name;
        }

        if (name is null)
        {
            return null;
        }

        var jobs = PipelineNavigator.JobsAt(document.Analysis, document.File, document.Offset).ToList();
        var snapshot = context.Snapshot;
        var locations = new List<Location>();
        if (request.Context.IncludeDeclaration)
        {
            locations.AddRange(PipelineNavigator.TokenDeclarations(jobs, name)
                .Select(e => new Location { Uri = snapshot.UriOf(e.Key.File.Path), Range = DiagnosticFactory.ToRange(e.Key.File.Text, e.Key.Span) }));
        }

        locations.AddRange(PipelineNavigator.TokenUses(jobs, name)
            .Select(u => new Location { Uri = snapshot.UriOf(u.File.Path), Range = DiagnosticFactory.ToRange(u.File.Text, u.Span) }));
        return locations;
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Handlers.Navigation;

/// <summary>
/// <c>textDocument/definition</c>: from <c>token: $NAME</c> or <c>$NAME</c> in a script to the
/// <c>id_tokens</c> entry the job really gets (its own, a base's through <c>extends</c>,
/// <c>default:</c>'s, in whichever file); from an <c>extends:</c> or <c>!reference</c> name to the job.
/// </summary>
public sealed class DefinitionHandler : RequestHandler<TextDocumentPositionParams, IReadOnlyList<Location>>
{
    public override string Method => "textDocument/definition";

    public override async Task<IReadOnlyList<Location>?> HandleAsync(TextDocumentPositionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (await RequestDocument.GetAsync(context.Snapshot, request.TextDocument.Uri, request.Position, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        var snapshot = context.Snapshot;
        var path = NodePath.Find(document.File, document.Offset);
        var pipelines = document.Analysis.PipelinesOf(document.File.Path).Select(p => p.Pipeline).ToList();
        var targets = new List<YamlNode>();

        if (path is { IsKey: false, Node: YamlScalar scalar })
        {
            var reference = path.ParentSequence;
            if (path.KeyFromEnd(0) == "extends" && (reference is null || !reference.IsReference))
            {
                targets.AddRange(pipelines.Select(p => p.FindJob(scalar.Value)).Where(j => j is not null).Select(j => j!.Declaration.Key));
            }
            else if (reference is { IsReference: true } && reference.Items.IndexOf(scalar) is var index && index >= 0)
            {
                foreach (var job in pipelines.Select(p => p.FindJob(((reference.Items[0] as YamlScalar)?.Value) ?? string.Empty)).Where(j => j is not null))
                {
                    YamlNode target = job!.Declaration.Key;
                    var mapping = job.Declaration.Value as YamlMapping;
                    for (var i = 1; i <= index && mapping is not null; i++)
                    {
                        var entry = mapping.GetEntry((reference.Items[i] as YamlScalar)?.Value ?? string.Empty);
                        if (entry is null)
                        {
                            break;
                        }

                        target = entry.Key;
                        mapping = entry.Value as YamlMapping;
                    }

                    targets.Add(target);
                }
            }
        }

        if (targets.Count == 0 && PipelineNavigator.VariableAt(document.Text, document.Offset) is { } variable)
        {
            targets.AddRange(PipelineNavigator.TokenDeclarations(PipelineNavigator.JobsAt(document.Analysis, document.File, document.Offset), variable.Name).Select(e => e.Key));
        }

        return targets
            .GroupBy(t => (t.File.Path, t.Span))
            .Select(g => g.First())
            .Select(t => new Location { Uri = snapshot.UriOf(t.File.Path), Range = DiagnosticFactory.ToRange(t.File.Text, t.Span) })
            .ToList();
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Handlers.EffectiveJobs;

/// <summary>
/// <c>textDocument/codeLens</c>: above each job of the file, what it authenticates with as GitLab
/// composes it ("2 ID tokens · 1 secret (token VAULT_ID_TOKEN) · from .vault-login, default").
/// Clicking it runs <see cref="EffectiveJobCommand"/> for that job. Built from the snapshot's
/// analysis, never a new one; templates get none (they run only through the jobs that use them).
/// </summary>
public sealed class CodeLensHandler : RequestHandler<CodeLensParams, IReadOnlyList<CodeLens>>
{
    public override string Method => "textDocument/codeLens";

    public override async Task<IReadOnlyList<CodeLens>?> HandleAsync(CodeLensParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var lenses = new List<CodeLens>();
        if (await RequestDocument.GetAsync(context.Snapshot, request.TextDocument.Uri, null, cancellationToken).ConfigureAwait(false) is not { } document
            || document.File.RootMapping is not { } root)
        {
            return lenses;
        }

        var pipelines = document.Analysis.PipelinesOf(document.File.Path).Select(p => p.Pipeline).ToList();
        var uri = JsonSerializer.SerializeToElement(request.TextDocument.Uri, LspJsonContext.TypeInfo<string>());
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var entry in root.WrittenEntries.Where(e => e.Key.File == document.File))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var job = pipelines.Select(p => p.FindJob(entry.Name)).FirstOrDefault(j => j is not null && j.Declaration.Key.File == document.File && j.Declaration.Key.Span == entry.Key.Span);
            if (job is null || job.IsHidden || !seen.Add(job.Name))
            {
                continue;
            }

            lenses.Add(new CodeLens
            {
                Range = DiagnosticFactory.ToRange(document.Text, entry.Key.Span),
                Command = new Command
                {
                    Title = JobCredentials.Of(job).Summary,
                    CommandName = EffectiveJobCommand.Name,
                    Arguments = new[] { uri, JsonSerializer.SerializeToElement(job.Name, LspJsonContext.TypeInfo<string>()) },
                },
            });
        }

        return lenses;
    }
}

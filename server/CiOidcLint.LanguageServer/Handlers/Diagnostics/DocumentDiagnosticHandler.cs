using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Handlers.Diagnostics;

/// <summary>
/// <c>textDocument/diagnostic</c> (pull): the document's findings, or "unchanged" when they
/// are what the client already has. Only offered to clients that pull, so nothing is shown twice.
/// </summary>
public sealed class DocumentDiagnosticHandler : RequestHandler<DocumentDiagnosticParams, DocumentDiagnosticReport>
{
    public override string Method => "textDocument/diagnostic";

    public override async Task<DocumentDiagnosticReport?> HandleAsync(DocumentDiagnosticParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var snapshot = context.Snapshot;
        var path = snapshot.PathOf(request.TextDocument.Uri);
        var items = Array.Empty<Protocol.Diagnostic>() as System.Collections.Generic.IReadOnlyList<Protocol.Diagnostic>;
        if (path is not null)
        {
            var analysis = await snapshot.GetAnalysisAsync(cancellationToken).ConfigureAwait(false);
            items = analysis.FindingsIn(path).Select(f => DiagnosticFactory.Create(f, snapshot, context.State.Features)).ToList();
        }

        var resultId = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(items, LspJsonContext.Default.IReadOnlyListDiagnostic)))).Substring(0, 16);
        return resultId == request.PreviousResultId
            ? new DocumentDiagnosticReport { Kind = "unchanged", ResultId = resultId }
            : new DocumentDiagnosticReport { Kind = "full", ResultId = resultId, Items = items };
    }
}

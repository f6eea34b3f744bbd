using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using StreamJsonRpc;

namespace CiOidcLint.LanguageServer.Handlers.Navigation;

/// <summary><c>textDocument/prepareRename</c>: the ID token's name under the cursor, or why it cannot be renamed (<see cref="TokenRename"/>).</summary>
public sealed class PrepareRenameHandler : RequestHandler<TextDocumentPositionParams, PrepareRenameResult>
{
    public override string Method => "textDocument/prepareRename";

    public override async Task<PrepareRenameResult?> HandleAsync(TextDocumentPositionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (await RequestDocument.GetAsync(context.Snapshot, request.TextDocument.Uri, request.Position, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        try
        {
            var target = TokenRename.Find(document);
            return new PrepareRenameResult { Range = DiagnosticFactory.ToRange(target.File.Text, target.Span), Placeholder = target.Name };
        }
        catch (TokenRename.RefusedException ex)
        {
            throw new LocalRpcException(ex.Message) { ErrorCode = LspErrorCodes.RequestFailed };
        }
    }
}

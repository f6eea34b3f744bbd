using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using StreamJsonRpc;

namespace CiOidcLint.LanguageServer.Handlers.Navigation;

/// <summary>
/// <c>textDocument/rename</c> of an ID token: one <c>WorkspaceEdit</c> over every file of the
/// pipeline that declares or refers to it, pinned to the versions it was computed on
/// (<see cref="TokenRename"/> decides what changes and what is refused).
/// </summary>
public sealed class RenameHandler : RequestHandler<RenameParams, WorkspaceEdit>
{
    public override string Method => "textDocument/rename";

    public override async Task<WorkspaceEdit?> HandleAsync(RenameParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (await RequestDocument.GetAsync(context.Snapshot, request.TextDocument.Uri, request.Position, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        IReadOnlyList<(CiOidcLint.Analysis.Syntax.SyntaxFile File, Microsoft.CodeAnalysis.Text.TextSpan Span)> spans;
        try
        {
            spans = TokenRename.Edits(TokenRename.Find(document), request.NewName);
        }
        catch (TokenRename.RefusedException ex)
        {
            throw new LocalRpcException(ex.Message) { ErrorCode = LspErrorCodes.RequestFailed };
        }

        var edits = spans.GroupBy(s => s.File.Path, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.OrderBy(s => s.Span.Start).Select(s => new TextEdit { Range = DiagnosticFactory.ToRange(s.File.Text, s.Span), NewText = request.NewName }).ToList()))
            .ToList();
        return WorkspaceEditBuilder.Create(edits, context.Snapshot, context.State.Features);
    }
}

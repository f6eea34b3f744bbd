using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Handlers.TextSync;

/// <summary>
/// <c>textDocument/didClose</c>: the file is read from disk again. Its diagnostics are cleared
/// unless it still belongs to a pipeline with an open document (the publisher decides).
/// </summary>
public sealed class DidCloseHandler : NotificationHandler<DidCloseTextDocumentParams>
{
    public override string Method => "textDocument/didClose";

    public override void Handle(DidCloseTextDocumentParams? notification, ServerState state)
    {
        if (notification is null)
        {
            return;
        }

        var uri = notification.TextDocument.Uri;
        state.Workspace.Update(
            s =>
            {
                if (s.Documents.Get(uri) is not { } document)
                {
                    state.Log.Warning($"textDocument/didClose for {uri}, which is not open: ignored");
                    return s;
                }

                // The editor may close without saving: what is on disk is the truth again.
                if (document.Path is not null && s.Paths is not null)
                {
                    s.Disk?.Invalidate(s.Paths.ToFullPath(document.Path));
                }

                return s.With(documents: s.Documents.Remove(uri));
            },
            WorkspaceChange.Document(uri));
    }
}

using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;

namespace CiOidcLint.LanguageServer.Handlers.TextSync;

/// <summary>
/// <c>textDocument/didSave</c>: the open text already drives the analysis; what changes is the
/// disk, so a cached copy of the file is dropped (and a saved <c>.editorconfig</c> re-lints).
/// </summary>
public sealed class DidSaveHandler : NotificationHandler<DidSaveTextDocumentParams>
{
    public override string Method => "textDocument/didSave";

    public override void Handle(DidSaveTextDocumentParams? notification, ServerState state)
    {
        if (notification is null)
        {
            return;
        }

        Workspace.DidChangeWatchedFilesHandler.Invalidate(state, new[] { notification.TextDocument.Uri });
    }
}

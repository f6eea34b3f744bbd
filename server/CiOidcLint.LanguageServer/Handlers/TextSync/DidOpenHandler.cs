using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Handlers.TextSync;

/// <summary><c>textDocument/didOpen</c>: the document's text now comes from the editor, not the disk.</summary>
public sealed class DidOpenHandler : NotificationHandler<DidOpenTextDocumentParams>
{
    public override string Method => "textDocument/didOpen";

    public override void Handle(DidOpenTextDocumentParams? notification, ServerState state)
    {
        if (notification is null)
        {
            return;
        }

        var item = notification.TextDocument;
        state.Workspace.Update(
            s => s.With(documents: s.Documents.Set(new OpenDocument(item.Uri, s.Paths?.ToRepositoryPath(item.Uri), item.Version, SourceText.From(item.Text), item.LanguageId))),
            WorkspaceChange.Document(item.Uri));
    }
}

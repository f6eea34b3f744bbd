using System;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Handlers.TextSync;

/// <summary>
/// <c>textDocument/didChange</c>: full or incremental changes applied to the document's
/// <c>SourceText</c>. A change to a document that is not open, or with a range outside it, is
/// logged and ignored: the client and the server disagree about the text, and guessing would
/// only move findings to wrong places.
/// </summary>
public sealed class DidChangeHandler : NotificationHandler<DidChangeTextDocumentParams>
{
    public override string Method => "textDocument/didChange";

    public override void Handle(DidChangeTextDocumentParams? notification, ServerState state)
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
                    state.Log.Warning($"textDocument/didChange for {uri}, which is not open: ignored");
                    return s;
                }

                try
                {
                    var text = DocumentStore.Apply(document.Text, notification.ContentChanges);
                    return s.With(documents: s.Documents.Set(document with { Version = notification.TextDocument.Version, Text = text }));
                }
                catch (ArgumentException ex)
                {
                    state.Log.Warning($"textDocument/didChange for {uri} ignored: {ex.Message}");
                    return s;
                }
            },
            WorkspaceChange.Document(uri));
    }
}

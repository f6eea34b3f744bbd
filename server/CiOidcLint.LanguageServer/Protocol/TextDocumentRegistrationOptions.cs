using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>
/// A document registration (<c>textDocument/didOpen</c>, <c>didChange</c>, <c>didSave</c>,
/// <c>didClose</c>): its selector, and for didChange the sync kind, for didSave whether to send the text.
/// </summary>
public sealed record TextDocumentRegistrationOptions
{
    [JsonPropertyName("documentSelector")]
    public IReadOnlyList<DocumentFilter> DocumentSelector { get; set; } = Array.Empty<DocumentFilter>();

    [JsonPropertyName("syncKind")]
    public int? SyncKind { get; init; }

    [JsonPropertyName("includeText")]
    public bool? IncludeText { get; init; }
}

using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>textDocument/didChange.</summary>
public sealed record DidChangeTextDocumentParams
{
    [JsonPropertyName("textDocument")]
    public VersionedTextDocumentIdentifier TextDocument { get; set; } = new();

    [JsonPropertyName("contentChanges")]
    public IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges { get; set; } = Array.Empty<TextDocumentContentChangeEvent>();
}

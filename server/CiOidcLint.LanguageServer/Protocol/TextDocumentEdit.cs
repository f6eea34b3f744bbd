using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Edits of one document at a version.</summary>
public sealed record TextDocumentEdit
{
    [JsonPropertyName("textDocument")]
    public OptionalVersionedTextDocumentIdentifier TextDocument { get; set; } = new();

    [JsonPropertyName("edits")]
    public IReadOnlyList<TextEdit> Edits { get; set; } = Array.Empty<TextEdit>();
}

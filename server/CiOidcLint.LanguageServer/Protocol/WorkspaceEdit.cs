using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Changes to several documents: `documentChanges` (TextDocumentEdit or CreateFile) when the client supports them, else `changes`.</summary>
public sealed record WorkspaceEdit
{
    [JsonPropertyName("changes")]
    public IReadOnlyDictionary<string, IReadOnlyList<TextEdit>>? Changes { get; init; }

    [JsonPropertyName("documentChanges")]
    public IReadOnlyList<object>? DocumentChanges { get; init; }
}

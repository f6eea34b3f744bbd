using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>textDocument/codeAction.</summary>
public sealed record CodeActionParams
{
    [JsonPropertyName("textDocument")]
    public TextDocumentIdentifier TextDocument { get; init; } = new();

    [JsonPropertyName("range")]
    public Range Range { get; init; } = new();

    [JsonPropertyName("context")]
    public CodeActionContext Context { get; init; } = new();
}

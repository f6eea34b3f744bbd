using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>textDocument/rename.</summary>
public sealed record RenameParams
{
    [JsonPropertyName("textDocument")]
    public TextDocumentIdentifier TextDocument { get; set; } = new();

    [JsonPropertyName("position")]
    public Position Position { get; set; } = new();

    [JsonPropertyName("newName")]
    public string NewName { get; set; } = string.Empty;
}

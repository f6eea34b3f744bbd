using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>textDocument/diagnostic.</summary>
public sealed record DocumentDiagnosticParams
{
    [JsonPropertyName("textDocument")]
    public TextDocumentIdentifier TextDocument { get; set; } = new();

    [JsonPropertyName("identifier")]
    public string? Identifier { get; init; }

    [JsonPropertyName("previousResultId")]
    public string? PreviousResultId { get; init; }
}

using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>One completion.</summary>
public sealed record CompletionItem
{
    [JsonPropertyName("label")]
    public string Label { get; set; } = string.Empty;

    [JsonPropertyName("kind")]
    public int? Kind { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("documentation")]
    public MarkupContent? Documentation { get; init; }

    [JsonPropertyName("insertText")]
    public string? InsertText { get; init; }

    [JsonPropertyName("textEdit")]
    public TextEdit? TextEdit { get; init; }
}

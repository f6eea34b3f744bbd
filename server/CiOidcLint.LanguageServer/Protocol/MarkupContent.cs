using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Markdown or plain text.</summary>
public sealed record MarkupContent
{
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "markdown";

    [JsonPropertyName("value")]
    public string Value { get; set; } = string.Empty;
}

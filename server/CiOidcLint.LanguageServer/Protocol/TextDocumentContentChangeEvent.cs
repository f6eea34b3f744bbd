using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>One change: a range and its new text, or (no range) the whole new text.</summary>
public sealed record TextDocumentContentChangeEvent
{
    [JsonPropertyName("range")]
    public Range? Range { get; init; }

    [JsonPropertyName("rangeLength")]
    public int? RangeLength { get; init; }

    [JsonPropertyName("text")]
    public string Text { get; set; } = string.Empty;
}

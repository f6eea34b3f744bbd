using System.Collections.Generic;
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

    /// <summary>1: plain text, 2: a snippet with tab stops.</summary>
    [JsonPropertyName("insertTextFormat")]
    public int? InsertTextFormat { get; init; }

    /// <summary>Completion item tags; 1 is Deprecated.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<int>? Tags { get; init; }

    /// <summary>1: insert as is (the text carries its own indentation); 2: the client adjusts it.</summary>
    [JsonPropertyName("insertTextMode")]
    public int? InsertTextMode { get; init; }

    [JsonPropertyName("sortText")]
    public string? SortText { get; init; }

    [JsonPropertyName("preselect")]
    public bool? Preselect { get; init; }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>A symbol with its children.</summary>
public sealed record DocumentSymbol
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("kind")]
    public int Kind { get; init; }

    [JsonPropertyName("range")]
    public Range Range { get; set; } = new();

    [JsonPropertyName("selectionRange")]
    public Range SelectionRange { get; set; } = new();

    [JsonPropertyName("children")]
    public IReadOnlyList<DocumentSymbol>? Children { get; init; }
}

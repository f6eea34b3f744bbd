using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>A symbol with its children.</summary>
public sealed record DocumentSymbol
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("kind")]
    public int Kind { get; init; }

    [JsonPropertyName("range")]
    public Range Range { get; init; } = new();

    [JsonPropertyName("selectionRange")]
    public Range SelectionRange { get; init; } = new();

    [JsonPropertyName("children")]
    public IReadOnlyList<DocumentSymbol>? Children { get; init; }
}

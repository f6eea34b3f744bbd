using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Which documents a registration applies to: files whose path matches a glob.</summary>
public sealed record DocumentFilter
{
    [JsonPropertyName("scheme")]
    public string? Scheme { get; init; }

    [JsonPropertyName("pattern")]
    public string? Pattern { get; init; }
}

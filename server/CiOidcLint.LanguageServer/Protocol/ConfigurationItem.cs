using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>One configuration section asked of the client.</summary>
public sealed record ConfigurationItem
{
    [JsonPropertyName("scopeUri")]
    public string? ScopeUri { get; init; }

    [JsonPropertyName("section")]
    public string? Section { get; init; }
}

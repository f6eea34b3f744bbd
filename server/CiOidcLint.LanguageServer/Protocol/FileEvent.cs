using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>A file created, changed or deleted (type 1, 2, 3).</summary>
public sealed record FileEvent
{
    [JsonPropertyName("uri")]
    public string Uri { get; set; } = string.Empty;

    [JsonPropertyName("type")]
    public int Type { get; init; }
}

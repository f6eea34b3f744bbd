using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>$/logTrace.</summary>
public sealed record LogTraceParams
{
    [JsonPropertyName("message")]
    public string Message { get; set; } = string.Empty;

    [JsonPropertyName("verbose")]
    public string? Verbose { get; init; }
}

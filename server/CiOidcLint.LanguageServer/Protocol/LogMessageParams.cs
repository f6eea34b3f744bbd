using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>window/logMessage.</summary>
public sealed record LogMessageParams
{
    [JsonPropertyName("type")]
    public int Type { get; init; }

    [JsonPropertyName("message")]
    public string Message { get; set; } = string.Empty;
}

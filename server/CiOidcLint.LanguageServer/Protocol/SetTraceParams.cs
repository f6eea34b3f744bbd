using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>$/setTrace.</summary>
public sealed record SetTraceParams
{
    [JsonPropertyName("value")]
    public string Value { get; set; } = "off";
}

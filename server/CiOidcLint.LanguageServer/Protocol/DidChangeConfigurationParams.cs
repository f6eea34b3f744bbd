using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>workspace/didChangeConfiguration.</summary>
public sealed record DidChangeConfigurationParams
{
    [JsonPropertyName("settings")]
    public JsonElement? Settings { get; init; }
}

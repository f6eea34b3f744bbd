using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>workspace/executeCommand.</summary>
public sealed record ExecuteCommandParams
{
    [JsonPropertyName("command")]
    public string Command { get; set; } = string.Empty;

    [JsonPropertyName("arguments")]
    public IReadOnlyList<JsonElement>? Arguments { get; set; }
}

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>A command a code lens runs: the client executes it, or sends it back as <c>workspace/executeCommand</c>.</summary>
public sealed record Command
{
    [JsonPropertyName("title")]
    public string Title { get; set; } = string.Empty;

    [JsonPropertyName("command")]
    public string CommandName { get; set; } = string.Empty;

    [JsonPropertyName("arguments")]
    public IReadOnlyList<JsonElement>? Arguments { get; init; }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>The commands the server executes.</summary>
public sealed record ExecuteCommandOptions
{
    [JsonPropertyName("commands")]
    public IReadOnlyList<string> Commands { get; init; } = System.Array.Empty<string>();
}

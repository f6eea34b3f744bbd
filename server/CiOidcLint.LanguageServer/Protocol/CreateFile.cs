using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>A resource operation that creates a file (kind "create").</summary>
public sealed record CreateFile
{
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "create";

    [JsonPropertyName("uri")]
    public string Uri { get; set; } = string.Empty;

    [JsonPropertyName("options")]
    public CreateFileOptions? Options { get; init; }
}

using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Options of a file creation.</summary>
public sealed record CreateFileOptions
{
    [JsonPropertyName("overwrite")]
    public bool? Overwrite { get; init; }

    [JsonPropertyName("ignoreIfExists")]
    public bool? IgnoreIfExists { get; init; }
}

using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>A glob of files to watch.</summary>
public sealed record FileSystemWatcher
{
    [JsonPropertyName("globPattern")]
    public string GlobPattern { get; set; } = string.Empty;

    [JsonPropertyName("kind")]
    public int? Kind { get; init; }
}

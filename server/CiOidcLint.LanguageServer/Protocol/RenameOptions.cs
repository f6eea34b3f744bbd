using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Rename support; prepareRename says what would be renamed, or why nothing can be.</summary>
public sealed record RenameOptions
{
    [JsonPropertyName("prepareProvider")]
    public bool PrepareProvider { get; init; }
}

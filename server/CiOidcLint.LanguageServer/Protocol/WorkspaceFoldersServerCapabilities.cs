using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Workspace folder support.</summary>
public sealed record WorkspaceFoldersServerCapabilities
{
    [JsonPropertyName("supported")]
    public bool? Supported { get; init; }

    [JsonPropertyName("changeNotifications")]
    public bool? ChangeNotifications { get; init; }
}

using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>workspace/diagnostic/refresh support.</summary>
public sealed record DiagnosticWorkspaceClientCapabilities
{
    [JsonPropertyName("refreshSupport")]
    public bool? RefreshSupport { get; init; }
}

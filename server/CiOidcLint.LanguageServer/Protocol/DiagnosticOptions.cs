using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Pull diagnostics support.</summary>
public sealed record DiagnosticOptions
{
    [JsonPropertyName("identifier")]
    public string? Identifier { get; init; }

    [JsonPropertyName("interFileDependencies")]
    public bool InterFileDependencies { get; init; }

    [JsonPropertyName("workspaceDiagnostics")]
    public bool WorkspaceDiagnostics { get; init; }
}

using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Another place that a diagnostic concerns.</summary>
public sealed record DiagnosticRelatedInformation
{
    [JsonPropertyName("location")]
    public Location Location { get; init; } = new();

    [JsonPropertyName("message")]
    public string Message { get; init; } = string.Empty;
}

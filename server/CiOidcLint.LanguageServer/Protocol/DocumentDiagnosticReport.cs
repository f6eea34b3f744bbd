using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>A full (kind "full", with items) or unchanged (kind "unchanged") report.</summary>
public sealed record DocumentDiagnosticReport
{
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "full";

    [JsonPropertyName("resultId")]
    public string? ResultId { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<Diagnostic>? Items { get; init; }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>A finding as LSP shows it.</summary>
public sealed record Diagnostic
{
    [JsonPropertyName("range")]
    public Range Range { get; set; } = new();

    [JsonPropertyName("severity")]
    public int? Severity { get; init; }

    [JsonPropertyName("code")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Code { get; init; }

    [JsonPropertyName("codeDescription")]
    public CodeDescription? CodeDescription { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("message")]
    public string Message { get; set; } = string.Empty;

    [JsonPropertyName("tags")]
    public IReadOnlyList<int>? Tags { get; init; }

    [JsonPropertyName("relatedInformation")]
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
}

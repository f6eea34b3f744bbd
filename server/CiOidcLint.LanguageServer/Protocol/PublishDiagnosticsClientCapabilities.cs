using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>What the client shows of a pushed diagnostic.</summary>
public sealed record PublishDiagnosticsClientCapabilities
{
    [JsonPropertyName("relatedInformation")]
    public bool? RelatedInformation { get; init; }

    [JsonPropertyName("tagSupport")]
    public DiagnosticTagSupport? TagSupport { get; init; }

    [JsonPropertyName("versionSupport")]
    public bool? VersionSupport { get; init; }

    [JsonPropertyName("codeDescriptionSupport")]
    public bool? CodeDescriptionSupport { get; init; }
}

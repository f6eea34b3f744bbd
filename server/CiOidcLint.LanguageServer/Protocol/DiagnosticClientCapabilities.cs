using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Pull diagnostics support of the client.</summary>
public sealed record DiagnosticClientCapabilities
{
    [JsonPropertyName("dynamicRegistration")]
    public bool? DynamicRegistration { get; init; }

    [JsonPropertyName("relatedDocumentSupport")]
    public bool? RelatedDocumentSupport { get; init; }
}

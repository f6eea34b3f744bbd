using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Save notifications.</summary>
public sealed record SaveOptions
{
    [JsonPropertyName("includeText")]
    public bool? IncludeText { get; init; }
}

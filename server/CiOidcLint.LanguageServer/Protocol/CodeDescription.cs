using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Where a diagnostic's code is explained.</summary>
public sealed record CodeDescription
{
    [JsonPropertyName("href")]
    public string Href { get; set; } = string.Empty;
}

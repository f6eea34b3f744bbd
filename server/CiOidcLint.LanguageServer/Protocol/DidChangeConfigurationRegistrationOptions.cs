using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Which settings section the client should report changes of.</summary>
public sealed record DidChangeConfigurationRegistrationOptions
{
    [JsonPropertyName("section")]
    public string Section { get; set; } = string.Empty;
}

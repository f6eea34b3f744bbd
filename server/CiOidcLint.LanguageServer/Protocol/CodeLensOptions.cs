using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Code lens support; lenses come whole, so there is nothing to resolve.</summary>
public sealed record CodeLensOptions
{
    [JsonPropertyName("resolveProvider")]
    public bool ResolveProvider { get; init; }
}

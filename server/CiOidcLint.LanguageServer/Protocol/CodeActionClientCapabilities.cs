using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Code action support of the client.</summary>
public sealed record CodeActionClientCapabilities
{
    [JsonPropertyName("codeActionLiteralSupport")]
    public JsonElement? CodeActionLiteralSupport { get; init; }

    [JsonPropertyName("isPreferredSupport")]
    public bool? IsPreferredSupport { get; init; }
}

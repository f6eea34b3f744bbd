using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Hover support of the client.</summary>
public sealed record HoverClientCapabilities
{
    [JsonPropertyName("contentFormat")]
    public IReadOnlyList<string>? ContentFormat { get; init; }
}

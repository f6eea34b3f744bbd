using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>General client capabilities.</summary>
public sealed record GeneralClientCapabilities
{
    [JsonPropertyName("positionEncodings")]
    public IReadOnlyList<string>? PositionEncodings { get; init; }
}

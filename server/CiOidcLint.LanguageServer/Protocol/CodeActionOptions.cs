using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Code action support.</summary>
public sealed record CodeActionOptions
{
    [JsonPropertyName("codeActionKinds")]
    public IReadOnlyList<string>? CodeActionKinds { get; init; }

    [JsonPropertyName("resolveProvider")]
    public bool? ResolveProvider { get; init; }
}

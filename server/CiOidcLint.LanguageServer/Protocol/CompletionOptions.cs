using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Completion support.</summary>
public sealed record CompletionOptions
{
    [JsonPropertyName("triggerCharacters")]
    public IReadOnlyList<string>? TriggerCharacters { get; init; }

    [JsonPropertyName("resolveProvider")]
    public bool? ResolveProvider { get; init; }
}

using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>What a completion item may hold for this client.</summary>
public sealed record CompletionItemClientCapabilities
{
    [JsonPropertyName("snippetSupport")]
    public bool? SnippetSupport { get; init; }

    [JsonPropertyName("tagSupport")]
    public DiagnosticTagSupport? TagSupport { get; init; }
}

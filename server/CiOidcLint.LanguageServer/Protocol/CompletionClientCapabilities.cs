using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Completion support of the client: snippets and item tags.</summary>
public sealed record CompletionClientCapabilities
{
    [JsonPropertyName("completionItem")]
    public CompletionItemClientCapabilities? CompletionItem { get; init; }
}

using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Document symbol support of the client.</summary>
public sealed record DocumentSymbolClientCapabilities
{
    [JsonPropertyName("hierarchicalDocumentSymbolSupport")]
    public bool? HierarchicalDocumentSymbolSupport { get; init; }
}

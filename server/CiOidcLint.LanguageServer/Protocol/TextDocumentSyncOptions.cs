using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>How documents are synchronised.</summary>
public sealed record TextDocumentSyncOptions
{
    [JsonPropertyName("openClose")]
    public bool OpenClose { get; init; }

    [JsonPropertyName("change")]
    public int Change { get; init; }

    [JsonPropertyName("save")]
    public SaveOptions? Save { get; init; }
}

using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Document capabilities of the client.</summary>
public sealed record TextDocumentClientCapabilities
{
    [JsonPropertyName("synchronization")]
    public TextDocumentSyncClientCapabilities? Synchronization { get; init; }

    [JsonPropertyName("publishDiagnostics")]
    public PublishDiagnosticsClientCapabilities? PublishDiagnostics { get; init; }

    [JsonPropertyName("diagnostic")]
    public DiagnosticClientCapabilities? Diagnostic { get; init; }

    [JsonPropertyName("codeAction")]
    public CodeActionClientCapabilities? CodeAction { get; init; }

    [JsonPropertyName("hover")]
    public HoverClientCapabilities? Hover { get; init; }

    [JsonPropertyName("completion")]
    public CompletionClientCapabilities? Completion { get; init; }

    [JsonPropertyName("documentSymbol")]
    public DocumentSymbolClientCapabilities? DocumentSymbol { get; init; }
}

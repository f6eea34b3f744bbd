using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>What the server implements.</summary>
public sealed record ServerCapabilities
{
    [JsonPropertyName("positionEncoding")]
    public string? PositionEncoding { get; init; }

    [JsonPropertyName("textDocumentSync")]
    public TextDocumentSyncOptions? TextDocumentSync { get; init; }

    [JsonPropertyName("hoverProvider")]
    public bool? HoverProvider { get; init; }

    [JsonPropertyName("definitionProvider")]
    public bool? DefinitionProvider { get; init; }

    [JsonPropertyName("referencesProvider")]
    public bool? ReferencesProvider { get; init; }

    [JsonPropertyName("documentSymbolProvider")]
    public bool? DocumentSymbolProvider { get; init; }

    [JsonPropertyName("completionProvider")]
    public CompletionOptions? CompletionProvider { get; init; }

    [JsonPropertyName("codeActionProvider")]
    public CodeActionOptions? CodeActionProvider { get; init; }

    [JsonPropertyName("diagnosticProvider")]
    public DiagnosticOptions? DiagnosticProvider { get; init; }

    [JsonPropertyName("renameProvider")]
    public RenameOptions? RenameProvider { get; init; }

    [JsonPropertyName("codeLensProvider")]
    public CodeLensOptions? CodeLensProvider { get; init; }

    [JsonPropertyName("executeCommandProvider")]
    public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }

    [JsonPropertyName("workspace")]
    public WorkspaceServerCapabilities? Workspace { get; init; }
}

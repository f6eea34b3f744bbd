using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Workspace capabilities of the client.</summary>
public sealed record WorkspaceClientCapabilities
{
    [JsonPropertyName("applyEdit")]
    public bool? ApplyEdit { get; init; }

    [JsonPropertyName("workspaceEdit")]
    public WorkspaceEditClientCapabilities? WorkspaceEdit { get; init; }

    [JsonPropertyName("didChangeConfiguration")]
    public DynamicRegistrationCapability? DidChangeConfiguration { get; init; }

    [JsonPropertyName("didChangeWatchedFiles")]
    public DynamicRegistrationCapability? DidChangeWatchedFiles { get; init; }

    [JsonPropertyName("workspaceFolders")]
    public bool? WorkspaceFolders { get; init; }

    [JsonPropertyName("configuration")]
    public bool? Configuration { get; init; }

    [JsonPropertyName("diagnostics")]
    public DiagnosticWorkspaceClientCapabilities? Diagnostics { get; init; }
}

using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>The parts of the client's capabilities the server reads.</summary>
public sealed record ClientCapabilities
{
    [JsonPropertyName("workspace")]
    public WorkspaceClientCapabilities? Workspace { get; init; }

    [JsonPropertyName("textDocument")]
    public TextDocumentClientCapabilities? TextDocument { get; init; }

    [JsonPropertyName("general")]
    public GeneralClientCapabilities? General { get; init; }
}

using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Workspace features of the server.</summary>
public sealed record WorkspaceServerCapabilities
{
    [JsonPropertyName("workspaceFolders")]
    public WorkspaceFoldersServerCapabilities? WorkspaceFolders { get; init; }
}

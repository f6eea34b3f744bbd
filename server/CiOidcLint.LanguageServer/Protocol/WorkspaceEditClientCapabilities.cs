using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Which workspace edits the client applies.</summary>
public sealed record WorkspaceEditClientCapabilities
{
    [JsonPropertyName("documentChanges")]
    public bool? DocumentChanges { get; init; }

    [JsonPropertyName("resourceOperations")]
    public IReadOnlyList<string>? ResourceOperations { get; init; }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>A quick fix or source action with its edit.</summary>
public sealed record CodeAction
{
    [JsonPropertyName("title")]
    public string Title { get; set; } = string.Empty;

    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("diagnostics")]
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }

    [JsonPropertyName("isPreferred")]
    public bool? IsPreferred { get; init; }

    [JsonPropertyName("edit")]
    public WorkspaceEdit? Edit { get; init; }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>One file's diagnostics in a <see cref="LintWorkspaceResult"/>.</summary>
public sealed record FileDiagnostics
{
    [JsonPropertyName("uri")]
    public string Uri { get; init; } = string.Empty;

    [JsonPropertyName("diagnostics")]
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = new List<Diagnostic>();
}

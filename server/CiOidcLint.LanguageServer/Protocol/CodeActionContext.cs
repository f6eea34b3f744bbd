using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>The diagnostics and kinds a code action request is about.</summary>
public sealed record CodeActionContext
{
    [JsonPropertyName("diagnostics")]
    public IReadOnlyList<Diagnostic> Diagnostics { get; set; } = Array.Empty<Diagnostic>();

    [JsonPropertyName("only")]
    public IReadOnlyList<string>? Only { get; init; }

    [JsonPropertyName("triggerKind")]
    public int? TriggerKind { get; init; }
}

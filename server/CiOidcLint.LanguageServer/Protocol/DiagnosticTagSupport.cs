using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>The diagnostic tags the client understands.</summary>
public sealed record DiagnosticTagSupport
{
    [JsonPropertyName("valueSet")]
    public IReadOnlyList<int> ValueSet { get; set; } = Array.Empty<int>();
}

using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>client/unregisterCapability. The field's misspelling is the specification's own.</summary>
public sealed record UnregistrationParams
{
    [JsonPropertyName("unregisterations")]
    public IReadOnlyList<Unregistration> Unregisterations { get; set; } = Array.Empty<Unregistration>();
}

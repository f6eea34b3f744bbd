using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>workspace/configuration.</summary>
public sealed record ConfigurationParams
{
    [JsonPropertyName("items")]
    public IReadOnlyList<ConfigurationItem> Items { get; set; } = Array.Empty<ConfigurationItem>();
}

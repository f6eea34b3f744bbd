using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Completions.</summary>
public sealed record CompletionList
{
    [JsonPropertyName("isIncomplete")]
    public bool IsIncomplete { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<CompletionItem> Items { get; set; } = Array.Empty<CompletionItem>();
}

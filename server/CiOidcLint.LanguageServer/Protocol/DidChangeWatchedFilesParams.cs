using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>workspace/didChangeWatchedFiles.</summary>
public sealed record DidChangeWatchedFilesParams
{
    [JsonPropertyName("changes")]
    public IReadOnlyList<FileEvent> Changes { get; set; } = Array.Empty<FileEvent>();
}

using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>workspace/didChangeWatchedFiles.</summary>
public sealed record DidChangeWatchedFilesParams
{
    [JsonPropertyName("changes")]
    public IReadOnlyList<FileEvent> Changes { get; init; } = Array.Empty<FileEvent>();
}

using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>The files to watch.</summary>
public sealed record DidChangeWatchedFilesRegistrationOptions
{
    [JsonPropertyName("watchers")]
    public IReadOnlyList<FileSystemWatcher> Watchers { get; set; } = Array.Empty<FileSystemWatcher>();
}

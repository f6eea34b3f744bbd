using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>
/// The answer to <c>cioidclint/lintWorkspace</c>: every pipeline file of the repository
/// analysed, and the diagnostics of each file that has some, as the server publishes them.
/// </summary>
public sealed record LintWorkspaceResult
{
    /// <summary>How many files are pipelines by name (GitLab's names and the <c>files</c> setting).</summary>
    [JsonPropertyName("pipelineFiles")]
    public int PipelineFiles { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<FileDiagnostics> Items { get; init; } = new List<FileDiagnostics>();
}

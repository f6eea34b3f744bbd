using System.Collections.Immutable;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Pipeline;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>A finding and the pipeline it was found in (for the jobs it names).</summary>
public sealed record AnalyzedFinding(Finding Finding, PipelineConfig Pipeline)
{
    /// <summary>The other pipelines that found it too, when it is in a file several include.</summary>
    public ImmutableArray<PipelineConfig> AlsoIn { get; init; } = ImmutableArray<PipelineConfig>.Empty;
}

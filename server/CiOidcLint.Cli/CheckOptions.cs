using System.Collections.Generic;
using System.Collections.Immutable;
using CiOidcLint.Cli.Output;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Cli;

internal sealed record CheckOptions(IReadOnlyList<string> Paths, ImmutableArray<OutputTarget> Outputs, DiagnosticSeverity Threshold, bool UseColor, BaselineOptions? Baseline = null)
{
    /// <summary>Apply the preferred fixes in place before reporting what is left.</summary>
    public bool Fix { get; init; }

    /// <summary>
    /// Globs (repository paths) of files that are pipelines of their own besides GitLab's names,
    /// as the editor's <c>cioidclint.files</c> setting: found in the folders checked, and with no
    /// path named, anywhere in the repository.
    /// </summary>
    public ImmutableArray<string> PipelineGlobs { get; init; } = ImmutableArray<string>.Empty;
}

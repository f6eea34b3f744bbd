using System.Collections.Generic;
using System.Collections.Immutable;
using CiOidcLint.Cli.Output;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Cli;

internal sealed record CheckOptions(IReadOnlyList<string> Paths, ImmutableArray<OutputTarget> Outputs, DiagnosticSeverity Threshold, bool UseColor, BaselineOptions? Baseline = null)
{
    /// <summary>Apply the preferred fixes in place before reporting what is left.</summary>
    public bool Fix { get; init; }
}

using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Cli;

internal sealed record CheckOptions(IReadOnlyList<string> Paths, string Format, DiagnosticSeverity Threshold, bool UseColor)
{
    /// <summary>Apply the preferred fixes in place before reporting what is left.</summary>
    public bool Fix { get; init; }
}

using System.Collections.Immutable;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Engine;

/// <summary>
/// A finding: a Roslyn diagnostic (which cannot carry fixes) with its fixes, the place in the
/// pipeline it points at, and the jobs it affects.
/// </summary>
public sealed record Finding(Diagnostic Diagnostic, SourceLocation Location, ImmutableArray<CodeFix> Fixes)
{
    public string Id => Diagnostic.Id;

    public DiagnosticSeverity Severity => Diagnostic.Severity;

    public string Message => Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    public string Path => Location.File.Path;

    /// <summary>The jobs (or templates) the finding affects; empty for file-level findings.</summary>
    public ImmutableArray<string> Jobs { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The jobs, templates or <c>default:</c> the finding was reached through.</summary>
    public ImmutableArray<FindingReach> Reach { get; init; } = ImmutableArray<FindingReach>.Empty;

    /// <summary>The message's arguments before the closing "in job …", which <see cref="FindingMerge"/> rewrites.</summary>
    internal ImmutableArray<object> MessageArgs { get; init; }
}

using System.Collections.Immutable;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// Where a rule's reports go. The engine implements it; rules know nothing of how findings are
/// merged across jobs, given severities or suppressed, so the dependency runs one way: rules,
/// then the engine.
/// </summary>
public interface IFindingSink
{
    /// <summary>
    /// A finding at <paramref name="location"/>, about <paramref name="unit"/> when a job rule made
    /// it, with its message arguments and quick fixes.
    /// </summary>
    void Add(DiagnosticDescriptor descriptor, SourceLocation location, JobUnit? unit, object[] args, ImmutableArray<CodeFix> fixes);
}

using System.Collections.Immutable;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// A configuration error GitLab would reject the pipeline for (CIOL000): a missing include,
/// an <c>extends</c> that names nothing or loops, a <c>!reference</c> to nothing.
/// </summary>
public sealed record PipelineProblem(SourceLocation Location, string Message)
{
    /// <summary>The jobs whose configuration the problem breaks.</summary>
    public ImmutableArray<string> Jobs { get; init; } = ImmutableArray<string>.Empty;
}

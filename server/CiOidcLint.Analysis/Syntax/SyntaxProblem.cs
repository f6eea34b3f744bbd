using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Syntax;

public enum SyntaxProblemKind
{
    /// <summary>The YAML does not parse; the span is where the problem starts.</summary>
    SyntaxError,

    /// <summary>The file breaks one of GitLab's limits (size, depth, alias budget).</summary>
    LimitExceeded,

    /// <summary>A key written twice in one mapping; the span is the first, shadowed key.</summary>
    DuplicateKey,
}

public sealed record SyntaxProblem(SyntaxProblemKind Kind, TextSpan Span, string Message)
{
    /// <summary>For <see cref="SyntaxProblemKind.DuplicateKey"/>: the key's name, as GitLab reads it.</summary>
    public string? KeyName { get; init; }

    /// <summary>For <see cref="SyntaxProblemKind.DuplicateKey"/>: the key that wins.</summary>
    public TextSpan? RelatedSpan { get; init; }
}

using System.Collections.Immutable;

namespace CiOidcLint.Analysis.Shell;

/// <summary>What one script level collects while its words are lexed.</summary>
internal sealed class ParseSinks
{
    public ImmutableArray<VariableReference>.Builder Variables { get; } = ImmutableArray.CreateBuilder<VariableReference>();

    public ImmutableArray<ShellComment>.Builder Comments { get; } = ImmutableArray.CreateBuilder<ShellComment>();

    public bool Incomplete { get; set; }

    public void MergeFrom(ShellScript inner)
    {
        Variables.AddRange(inner.Variables);
        Comments.AddRange(inner.Comments);
        Incomplete |= !inner.IsComplete;
    }
}

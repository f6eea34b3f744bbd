using System.Collections.Generic;
using System.Collections.Immutable;

namespace CiOidcLint.Analysis.Shell;

internal sealed class CommandBuilder
{
    public ImmutableArray<ShellAssignment>.Builder Assignments { get; } = ImmutableArray.CreateBuilder<ShellAssignment>();

    public ImmutableArray<ShellWord>.Builder Words { get; } = ImmutableArray.CreateBuilder<ShellWord>();

    public List<RedirectionBuilder> Redirections { get; } = new();

    public ShellOperator Terminator { get; set; }

    public int TerminatorStart { get; set; } = -1;

    public ShellCommand Build()
    {
        var start = int.MaxValue;
        var end = 0;
        foreach (var assignment in Assignments)
        {
            Extend(assignment.Start, assignment.End, ref start, ref end);
        }

        foreach (var word in Words)
        {
            Extend(word.Start, word.End, ref start, ref end);
        }

        var redirections = ImmutableArray.CreateBuilder<ShellRedirection>(Redirections.Count);
        foreach (var redirection in Redirections)
        {
            var built = redirection.Build();
            Extend(built.Start, built.End, ref start, ref end);
            redirections.Add(built);
        }

        if (start == int.MaxValue)
        {
            start = 0;
        }

        return new ShellCommand(start, end, Assignments.ToImmutable(), Words.ToImmutable(), redirections.ToImmutable(), Terminator, TerminatorStart);
    }

    private static void Extend(int itemStart, int itemEnd, ref int start, ref int end)
    {
        if (itemStart < start)
        {
            start = itemStart;
        }

        if (itemEnd > end)
        {
            end = itemEnd;
        }
    }
}

using System.Linq;
using System.Collections.Immutable;

namespace CiOidcLint.Analysis.Shell;

/// <summary>
/// A simple command: assignments, words and redirections. Compound commands (<c>if</c>, loops,
/// <c>case</c>, groups, subshells) contribute the simple commands inside them, not a command of their own.
/// </summary>
public sealed class ShellCommand
{
    internal ShellCommand(
        int start,
        int end,
        ImmutableArray<ShellAssignment> assignments,
        ImmutableArray<ShellWord> words,
        ImmutableArray<ShellRedirection> redirections,
        ShellOperator terminator,
        int terminatorStart)
    {
        Start = start;
        End = end;
        Assignments = assignments;
        Words = words;
        Redirections = redirections;
        Terminator = terminator;
        TerminatorStart = terminatorStart;
    }

    public int Start { get; }

    /// <summary>Exclusive: just after the last word, assignment or redirection.</summary>
    public int End { get; }

    /// <summary><c>NAME=value</c> words before the command name.</summary>
    public ImmutableArray<ShellAssignment> Assignments { get; }

    /// <summary>The command name and its arguments. Reserved words are never here.</summary>
    public ImmutableArray<ShellWord> Words { get; }

    public ImmutableArray<ShellRedirection> Redirections { get; }

    /// <summary>The command name when it is plain text (<see cref="ShellWord.LiteralValue"/> of the first word).</summary>
    public string? Name => Words.Length > 0 ? Words[0].LiteralValue : null;

    /// <summary>
    /// The operator after the command. A command that a <c>)</c> closes takes the operator after the
    /// <c>)</c>: in <c>(a &amp;&amp; b) || c</c>, <c>b</c> ends with <see cref="ShellOperator.OrIf"/>.
    /// </summary>
    public ShellOperator Terminator { get; }

    /// <summary>Where <see cref="Terminator"/> starts, or -1 for <see cref="ShellOperator.None"/>.</summary>
    public int TerminatorStart { get; }

    public override string ToString() => string.Join(" ", Words.Select(w => w.RawText));
}

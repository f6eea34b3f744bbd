using System.Collections.Generic;
using System.Collections.Immutable;

namespace CiOidcLint.Analysis.Shell;

/// <summary>The parse of a script, or of the inside of a command substitution.</summary>
public sealed class ShellScript
{
    internal ShellScript(
        ImmutableArray<ShellCommand> commands,
        ImmutableArray<ShellComment> comments,
        ImmutableArray<VariableReference> variables,
        bool isComplete)
    {
        Commands = commands;
        Comments = comments;
        Variables = variables;
        IsComplete = isComplete;
    }

    /// <summary>
    /// The simple commands at this level, in order, with those inside <c>if</c>, loops, <c>case</c>,
    /// <c>{ ...; }</c> and <c>( ... )</c> flattened in. Commands inside substitutions are in
    /// <see cref="CommandSubstitution.Inner"/>, not here.
    /// </summary>
    public ImmutableArray<ShellCommand> Commands { get; }

    /// <summary>Every comment, including those inside substitutions, in order.</summary>
    public ImmutableArray<ShellComment> Comments { get; }

    /// <summary>
    /// Every <c>$NAME</c> / <c>${NAME...}</c>, in order: in words, assignments, redirections,
    /// double quotes, here-documents with an unquoted delimiter, arithmetic and substitutions at any
    /// depth; never inside single quotes. Special parameters (<c>$?</c>, <c>$1</c>...) are left out.
    /// </summary>
    public ImmutableArray<VariableReference> Variables { get; }

    /// <summary>False when a quote, substitution, expansion, subshell or here-document is left open.</summary>
    public bool IsComplete { get; }

    /// <summary>Every command substitution at any depth, outer ones before those nested in them.</summary>
    public IEnumerable<CommandSubstitution> DescendantSubstitutions()
    {
        var pending = new Stack<CommandSubstitution>();
        PushAll(Commands, pending);
        while (pending.Count > 0)
        {
            var substitution = pending.Pop();
            yield return substitution;
            PushAll(substitution.Inner.Commands, pending);
        }
    }

    private static void PushAll(ImmutableArray<ShellCommand> commands, Stack<CommandSubstitution> pending)
    {
        var found = new List<CommandSubstitution>();
        foreach (var command in commands)
        {
            foreach (var assignment in command.Assignments)
            {
                found.AddRange(assignment.Value.Substitutions);
            }

            foreach (var word in command.Words)
            {
                found.AddRange(word.Substitutions);
            }

            foreach (var redirection in command.Redirections)
            {
                if (redirection.Target is { } target)
                {
                    found.AddRange(target.Substitutions);
                }

                if (redirection.HereDocument is { } body)
                {
                    found.AddRange(body.Substitutions);
                }
            }
        }

        // Reversed onto the stack so that they come off in source order.
        for (var i = found.Count - 1; i >= 0; i--)
        {
            pending.Push(found[i]);
        }
    }
}

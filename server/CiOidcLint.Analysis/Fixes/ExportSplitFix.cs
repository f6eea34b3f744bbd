using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace CiOidcLint.Analysis.Fixes;

/// <summary>
/// CIOL004's fix: <c>export NAME=$(cmd)</c> becomes <c>NAME=$(cmd)</c> then <c>export NAME</c>,
/// so errexit sees <c>cmd</c> fail. As two list items when the command is the whole item, as two
/// lines inside a literal block, and joined by <c>;</c> where a new line would change the script
/// (a folded block, a quoted or plain scalar holding more than the command).
/// </summary>
internal static class ExportSplitFix
{
    /// <summary>Builtins whose variable must be declared before the assignment (a later <c>local X</c> would hide it).</summary>
    private static readonly ImmutableHashSet<string> DeclareFirst = ImmutableHashSet.Create(StringComparer.Ordinal, "local", "declare", "typeset");

    /// <summary>The fix for <c>builtin NAME=…$(…)…</c>, or null where splitting would change what the line does.</summary>
    public static CodeFix? ForAssignment(ScriptLine line, ShellScript script, int commandIndex, ShellWord word, string name)
    {
        var command = script.Commands[commandIndex];
        var builtin = command.Name!;
        if (!IsStandalone(script, commandIndex) || !HasOnlyFlagsBesides(command, word))
        {
            return null;
        }

        // 'declare -r', 'local -r', 'typeset -r' make the variable read-only: assigning after them fails.
        var flags = command.Words.Skip(1).Where(w => !ReferenceEquals(w, word)).Select(w => w.RawText).ToList();
        if (DeclareFirst.Contains(builtin) && flags.Any(f => f.IndexOf('r') >= 0))
        {
            return null;
        }

        var node = line.Node;
        var text = node.File.Text;
        var title = $"Assign {name} first, then {builtin} it";
        if (DeclareFirst.Contains(builtin))
        {
            // 'local X=$(cmd)' -> 'local X; X=$(cmd)'.
            var at = node.MapToSource(word.Start);
            return CodeFixes.InFile(title, true, node.File.Path, new TextChange(new TextSpan(at, 0), name + "; "));
        }

        var prefix = node.MapToSource(command.Start, word.Start - command.Start);
        var declaration = builtin + (flags.Count > 0 ? " " + string.Join(" ", flags) : string.Empty) + " " + name;
        var removePrefix = new TextChange(prefix, string.Empty);
        if (script.Commands.Length == 1 && SourceLayout.SequenceDash(text, node) is { } dash && !node.IsBlock && IsWholeLine(script, command))
        {
            return CodeFixes.InFile(title, true, node.File.Path, removePrefix, NewItemAfter(text, node, dash, declaration));
        }

        var end = node.MapToSource(word.End);
        if (node.Style == ScalarStyle.Literal && command.Terminator is ShellOperator.None or ShellOperator.Newline)
        {
            var indent = SourceLayout.LeadingWhitespace(text, node.MapToSource(command.Start));
            return CodeFixes.InFile(title, true, node.File.Path, removePrefix, new TextChange(new TextSpan(end, 0), SourceLayout.NewLine(text) + indent + declaration));
        }

        return CodeFixes.InFile(title, true, node.File.Path, removePrefix, new TextChange(new TextSpan(end, 0), "; " + declaration));
    }

    /// <summary>
    /// The fix for <c>export $(… $(cmd …) …)</c>: the substitution that runs <paramref name="blamed"/>
    /// moves into an assignment of its own, and the export reads the variable instead.
    /// </summary>
    public static CodeFix? ForExportedSubstitution(ScriptLine line, ShellScript script, int commandIndex, CommandSubstitution holder, string label)
    {
        var variable = VariableName(label);
        return IsStandalone(script, commandIndex) && line.Text.IndexOf(variable, StringComparison.Ordinal) < 0
            ? MoveIntoAssignment(line, script, commandIndex, holder, label, variable)
            : null;
    }

    /// <summary>
    /// The fix for <c>echo "KEY=$(cmd)" &gt;&gt; file</c>: the substitution moves into an
    /// assignment of its own (named after the dotenv key when there is one), which errexit
    /// watches, and the write prints the variable.
    /// </summary>
    public static CodeFix? ForWrittenSubstitution(ScriptLine line, ShellScript script, int commandIndex, CommandSubstitution holder, string label, string? key)
    {
        var command = script.Commands[commandIndex];
        var standaloneWrite = command.Terminator is ShellOperator.None or ShellOperator.Semicolon or ShellOperator.Newline
            && command.Assignments.Length == 0
            && (commandIndex == 0 || script.Commands[commandIndex - 1].Terminator is ShellOperator.Semicolon or ShellOperator.Newline or ShellOperator.None);
        var variable = key ?? VariableName(label);

        // The line must not read the variable already: the fix would change what it reads.
        var readsIt = line.Text.IndexOf("$" + variable, StringComparison.Ordinal) >= 0 || line.Text.IndexOf("${" + variable, StringComparison.Ordinal) >= 0;
        return standaloneWrite && !readsIt && (key is not null || line.Text.IndexOf(variable, StringComparison.Ordinal) < 0)
            ? MoveIntoAssignment(line, script, commandIndex, holder, label, variable)
            : null;
    }

    private static CodeFix? MoveIntoAssignment(ScriptLine line, ShellScript script, int commandIndex, CommandSubstitution holder, string label, string variable)
    {
        if (holder.Form != SubstitutionForm.Dollar)
        {
            return null;
        }

        var node = line.Node;
        var text = node.File.Text;
        var command = script.Commands[commandIndex];
        var substitution = line.Text.Substring(holder.Start, holder.Length);
        var title = $"Assign the output of '{label}' to {variable} first";
        var replace = new TextChange(node.MapToSource(holder.Start, holder.Length), "${" + variable + "}");
        var assignment = variable + "=" + substitution;
        if (script.Commands.Length == 1 && SourceLayout.SequenceDash(text, node) is { } dash && !node.IsBlock && IsWholeLine(script, command))
        {
            var indent = SourceLayout.Spaces(SourceLayout.Column(text, dash));
            var before = new TextChange(new TextSpan(dash, 0), "- " + YamlQuoting.Scalar(assignment) + SourceLayout.NewLine(text) + indent);
            return CodeFixes.InFile(title, true, node.File.Path, before, replace);
        }

        var start = node.MapToSource(command.Start);
        if (node.Style == ScalarStyle.Literal && SourceLayout.StartsLine(line.Text, command.Start))
        {
            var indent = SourceLayout.LeadingWhitespace(text, start);
            return CodeFixes.InFile(title, true, node.File.Path, new TextChange(new TextSpan(start, 0), assignment + SourceLayout.NewLine(text) + indent), replace);
        }

        // Inside a quoted scalar the copied text must be written the way that scalar escapes it.
        var sourceSubstitution = text.ToString(node.MapToSource(holder.Start, holder.Length));
        return CodeFixes.InFile(title, true, node.File.Path, new TextChange(new TextSpan(start, 0), variable + "=" + sourceSubstitution + "; "), replace);
    }

    /// <summary>A command that runs on its own: not part of a pipeline or an and-or list, not in the background.</summary>
    private static bool IsStandalone(ShellScript script, int index)
    {
        var command = script.Commands[index];
        if (command.Terminator is not (ShellOperator.None or ShellOperator.Semicolon or ShellOperator.Newline))
        {
            return false;
        }

        if (command.Assignments.Length > 0 || command.Redirections.Length > 0)
        {
            return false;
        }

        return index == 0 || script.Commands[index - 1].Terminator is ShellOperator.Semicolon or ShellOperator.Newline or ShellOperator.None;
    }

    private static bool HasOnlyFlagsBesides(ShellCommand command, ShellWord word)
        => command.Words.Skip(1).All(w => ReferenceEquals(w, word) || (w.LiteralValue is { } v && v.StartsWith("-", StringComparison.Ordinal) && v.Length > 1));

    /// <summary>Whether the command is all the line holds, but for whitespace.</summary>
    private static bool IsWholeLine(ShellScript script, ShellCommand command)
        => script.Comments.Length == 0 && command.Terminator is ShellOperator.None;

    private static TextChange NewItemAfter(SourceText text, YamlNode node, int dash, string item)
    {
        var indent = SourceLayout.Spaces(SourceLayout.Column(text, dash));
        var end = SourceLayout.LineEnd(text, SourceLayout.ContentEnd(text, node));
        return new TextChange(new TextSpan(end, 0), SourceLayout.NewLine(text) + indent + "- " + YamlQuoting.Scalar(item));
    }

    /// <summary><c>aws sts</c> -> <c>AWS_STS_OUTPUT</c>.</summary>
    internal static string VariableName(string label)
    {
        var builder = new StringBuilder();
        foreach (var c in label.ToUpperInvariant())
        {
            builder.Append(c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_');
        }

        var name = builder.ToString().Trim('_');
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            name = "COMMAND" + (name.Length == 0 ? string.Empty : "_" + name);
        }

        return name + "_OUTPUT";
    }
}

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL004: <c>export VAR=$(cmd)</c> (and <c>local</c>, <c>readonly</c>, <c>declare</c>,
/// <c>typeset</c>) takes the builtin's exit status, not <c>cmd</c>'s, so the runner's
/// <c>set -o errexit</c> never sees a failed login and the job goes on with an empty value
/// (ShellCheck SC2155). GitLab's AWS example splits the assignment out for this reason.
/// The same holds for <c>echo</c> and <c>printf</c> writing a <c>$(cmd)</c> to a file
/// (<c>echo "X=$(cmd)" &gt;&gt; build.env</c>, how dotenv reports are written): their status
/// is their own, and the file gets an empty value. <c>$(&lt;file)</c> fails like <c>$(cat file)</c>.
/// </summary>
public sealed class ExportMasksExitCodeRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL004",
        "Export masks exit code",
        "'{0}' hides a failure of '{1}': {2} ({3})",
        DiagnosticSeverity.Warning,
        "A builtin that declares a variable returns its own status, so errexit cannot stop the job when the command inside $(...) fails.");

    private static readonly ImmutableHashSet<string> Declarers = ImmutableHashSet.Create(StringComparer.Ordinal, "export", "local", "readonly", "declare", "typeset");

    /// <summary>Builtins that print their arguments: their status is their own, whatever a substitution in them did.</summary>
    private static readonly ImmutableHashSet<string> Writers = ImmutableHashSet.Create(StringComparer.Ordinal, "echo", "printf");

    private static readonly Regex DotenvKey = new(@"\A[A-Za-z_][A-Za-z0-9_]*=\z", RegexOptions.CultureInvariant);

    /// <summary>Simple commands that cannot meaningfully fail, per the rule catalog.</summary>
    private static readonly ImmutableHashSet<string> CannotFail = ImmutableHashSet.Create(
        StringComparer.Ordinal, "pwd", "date", "echo", "printf", "basename", "dirname", "uname", "whoami", "id", "hostname", "nproc", "true");

    /// <summary>A subcommand such as <c>sts</c> or <c>assume-role</c>: two letters at least before any dash, so <c>tr a-z</c> has none.</summary>
    private static readonly Regex Subcommand = new("^[a-z][a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    /// <summary>Filters that read the pipe before them and cannot meaningfully fail on it.</summary>
    private static readonly ImmutableHashSet<string> StdinFilters = ImmutableHashSet.Create(
        StringComparer.Ordinal, "tr", "sed", "cut", "awk", "sort", "uniq", "head", "tail", "wc", "rev", "tee", "xargs");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "export-masks-exit-code";

    public bool NeedsJobContext => false;

    public void AnalyzeJob(JobContext context)
    {
        // A bash rule: a PowerShell job (a Windows runner) reads its lines by other rules.
        if (context.Job.Shell == JobShell.PowerShell)
        {
            return;
        }

        foreach (var line in context.Job.ScriptLines)
        {
            if (!MayDeclare(line.Text))
            {
                continue;
            }

            var script = line.Shell;
            for (var i = 0; i < script.Commands.Length; i++)
            {
                Check(script, i, line, context);
            }
        }
    }

    private static bool MayDeclare(string text)
        => (text.IndexOf("$(", StringComparison.Ordinal) >= 0 || text.IndexOf('`') >= 0)
           && (Declarers.Any(d => text.IndexOf(d, StringComparison.Ordinal) >= 0)
               || (text.IndexOf('>') >= 0 && Writers.Any(w => text.IndexOf(w, StringComparison.Ordinal) >= 0)));

    private static void Check(ShellScript script, int index, ScriptLine line, JobContext context)
    {
        var command = script.Commands[index];
        if (command.Name is not { } builtin)
        {
            return;
        }

        if (Writers.Contains(builtin))
        {
            CheckWrite(script, index, line, context);
            return;
        }

        if (!Declarers.Contains(builtin))
        {
            return;
        }

        foreach (var word in command.Words.Skip(1))
        {
            string? name;
            if (!word.TryGetAssignment(out var assigned, out _))
            {
                // 'export $(…)' exports whatever its substitution prints.
                if (word.Parts.Length == 0 || word.Parts[0] is not CommandSubstitution)
                {
                    continue;
                }

                name = null;
            }
            else
            {
                name = assigned;
            }

            var failing = word.Substitutions.Select(s => Failing(s, 0)).FirstOrDefault(c => c is not null);
            if (failing is not var (blamed, holder))
            {
                continue;
            }

            var label = Label(blamed);
            var inner = Inner(label);
            var shown = name is null ? $"{builtin} $(… {inner})" : $"{builtin} {name}=$({inner})";
            var consequence = name is null ? "the job goes on without the variables it should export" : $"the job goes on with an empty {name}";
            var span = line.Node.MapToSource(command.Start, word.Start + word.Length - command.Start);
            var fix = name is null
                ? (InsideExpansion(word, holder) ? null : ExportSplitFix.ForExportedSubstitution(line, script, index, holder, label))
                : ExportSplitFix.ForAssignment(line, script, index, word, name);
            var fixes = fix is null ? ImmutableArray<CodeFix>.Empty : ImmutableArray.Create(fix);
            context.Report(new SourceLocation(line.Node.File, span), fixes, shown, label, consequence);
        }
    }

    /// <summary>
    /// <c>echo</c> or <c>printf</c> with a substitution that can fail, whose output goes to a file:
    /// the file gets what the command printed before it failed (often nothing) and the job goes on.
    /// Output to the job log is left alone: nothing is lost there that the log does not show.
    /// </summary>
    private static void CheckWrite(ShellScript script, int index, ScriptLine line, JobContext context)
    {
        var command = script.Commands[index];
        var write = command.Redirections.LastOrDefault(r => r.WritesStdout);
        if (write?.Target is not { } target || IsDevice(target))
        {
            return;
        }

        foreach (var word in command.Words.Skip(1))
        {
            var failing = word.Substitutions.Select(s => Failing(s, 0)).FirstOrDefault(c => c is not null);
            if (failing is not var (blamed, holder))
            {
                continue;
            }

            var label = Label(blamed);
            var file = target.LiteralValue ?? target.RawText;
            var shown = $"{command.Name} …$({Inner(label)})… {write.Operator} {file}";
            var consequence = $"{file} gets what it printed before it failed, often nothing, and the job goes on";
            var span = line.Node.MapToSource(command.Start, command.End - command.Start);
            // Inside ${X:-$(cmd)} the command runs only when X is empty: moving it out would run it always.
            var fix = InsideExpansion(word, holder) ? null : ExportSplitFix.ForWrittenSubstitution(line, script, index, holder, label, DotenvKeyBefore(word, holder));
            var fixes = fix is null ? ImmutableArray<CodeFix>.Empty : ImmutableArray.Create(fix);
            context.Report(new SourceLocation(line.Node.File, span), fixes, shown, label, consequence);
            return;
        }
    }

    private static bool InsideExpansion(ShellWord word, CommandSubstitution holder)
        => word.Parts.OfType<VariablePart>().Any(v => v.Start <= holder.Start && holder.End <= v.End);

    /// <summary><c>/dev/null</c>, <c>/dev/stderr</c>: not a file anyone reads later.</summary>
    private static bool IsDevice(ShellWord target)
        => (target.LiteralValue ?? target.RawText).StartsWith("/dev/", StringComparison.Ordinal);

    /// <summary><c>NAME</c> when the word is <c>NAME=$(…)</c> (a dotenv line), so the fix names its variable after the key.</summary>
    private static string? DotenvKeyBefore(ShellWord word, CommandSubstitution holder)
    {
        var index = word.Parts.IndexOf(holder);
        if (index != 1 || word.Parts[0] is not LiteralPart { Text: var key } || !DotenvKey.IsMatch(key))
        {
            return null;
        }

        return key.Substring(0, key.Length - 1);
    }

    /// <summary>The substitution as the message shows it: <c>vault write …</c>, or <c>&lt;token.txt</c> whole.</summary>
    private static string Inner(string label) => label.StartsWith("<", StringComparison.Ordinal) ? label : label + " …";

    /// <summary>
    /// The first command inside a substitution that can fail, looking through nested substitutions,
    /// with the substitution that runs it.
    /// </summary>
    private static (ShellCommand Command, CommandSubstitution Holder)? Failing(CommandSubstitution substitution, int depth)
    {
        if (depth > 16)
        {
            return null;
        }

        var commands = substitution.Inner.Commands;
        for (var i = 0; i < commands.Length; i++)
        {
            var command = commands[i];

            // 'cmd || fallback': the author handles cmd's failure; a filter reading the pipe
            // before it ('echo $X | sed …') has nothing of its own to fail on.
            var handled = command.Terminator == ShellOperator.OrIf;
            var filter = i > 0 && commands[i - 1].Terminator == ShellOperator.Pipe && command.Name is { } f && StdinFilters.Contains(f);
            if (command.Name is { } name && !CannotFail.Contains(name) && !handled && !filter)
            {
                return (command, substitution);
            }

            // '$(<file)': bash reads the file itself, and fails as 'cat file' would when it is missing.
            if (command.Words.Length == 0 && !handled && command.Redirections.Any(r => r.Operator == "<"))
            {
                return (command, substitution);
            }

            foreach (var word in command.Words.Concat(command.Assignments.Select(a => a.Value)))
            {
                foreach (var inner in word.Substitutions)
                {
                    if (Failing(inner, depth + 1) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The command's name, with a subcommand when it has one (<c>aws sts</c>, <c>vault write</c>); never its arguments.</summary>
    private static string Label(ShellCommand command)
    {
        if (command.Words.Length == 0 && command.Redirections.FirstOrDefault(r => r.Operator == "<") is { Target: { } file })
        {
            return "<" + file.RawText;
        }

        var name = command.Name ?? "?";
        if (command.Words.Length > 1 && command.Words[1].LiteralValue is { } sub && Subcommand.IsMatch(sub))
        {
            return name + " " + sub;
        }

        return name;
    }
}

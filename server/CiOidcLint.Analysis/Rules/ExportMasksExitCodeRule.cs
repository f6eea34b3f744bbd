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

    /// <summary>Simple commands that cannot meaningfully fail, per the rule catalog.</summary>
    private static readonly ImmutableHashSet<string> CannotFail = ImmutableHashSet.Create(
        StringComparer.Ordinal, "pwd", "date", "echo", "printf", "basename", "dirname", "uname", "whoami", "id", "hostname", "nproc", "true");

    private static readonly Regex Subcommand = new("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant);

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
           && Declarers.Any(d => text.IndexOf(d, StringComparison.Ordinal) >= 0);

    private static void Check(ShellScript script, int index, ScriptLine line, JobContext context)
    {
        var command = script.Commands[index];
        if (command.Name is not { } builtin || !Declarers.Contains(builtin))
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
            var shown = name is null ? $"{builtin} $(… {label} …)" : $"{builtin} {name}=$({label} …)";
            var consequence = name is null ? "the job goes on without the variables it should export" : $"the job goes on with an empty {name}";
            var span = line.Node.MapToSource(command.Start, word.Start + word.Length - command.Start);
            var fix = name is null
                ? ExportSplitFix.ForExportedSubstitution(line, script, index, holder, label)
                : ExportSplitFix.ForAssignment(line, script, index, word, name);
            var fixes = fix is null ? ImmutableArray<CodeFix>.Empty : ImmutableArray.Create(fix);
            context.Report(new SourceLocation(line.Node.File, span), fixes, shown, label, consequence);
        }
    }

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

        foreach (var command in substitution.Inner.Commands)
        {
            if (command.Name is { } name && !CannotFail.Contains(name))
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
        var name = command.Name ?? "?";
        if (command.Words.Length > 1 && command.Words[1].LiteralValue is { } sub && Subcommand.IsMatch(sub))
        {
            return name + " " + sub;
        }

        return name;
    }
}

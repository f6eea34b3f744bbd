using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL018: a credential reaches the job log in a form GitLab does not mask. GitLab masks an ID
/// token and a <c>secrets:</c> value only as the exact value, and knows nothing of what a login
/// prints. Flagged:
/// <list type="bullet">
/// <item>a login or secret-reading command whose output goes to the log: not captured, not
/// redirected, not piped into another command, not narrowed to fields that are not secret;</item>
/// <item>a credential printed through a transformation that defeats masking (<c>base64</c>,
/// <c>rev</c>, <c>xxd</c>, <c>od</c>, <c>hexdump</c>), or in two slices or more
/// (<c>${TOKEN:0:40}</c>, <c>cut -c1-40</c>) that together form it;</item>
/// <item>a captured login printed (<c>echo</c>, <c>printf</c>), or dumped with every variable
/// (<c>env</c>, <c>printenv</c>, <c>export -p</c> once it is exported, a bare <c>set</c>);</item>
/// <item><c>set -x</c> (or <c>set -o xtrace</c>) while a captured login is assigned or used,
/// reported at the <c>set -x</c>;</item>
/// <item><c>CI_DEBUG_TRACE: "true"</c> in a job with ID tokens or secrets.</item>
/// </list>
/// PowerShell jobs are read by <see cref="PowerShellCredentialFlow"/>: logins printed, captured logins printed or base64-encoded, environment dumps.
/// </summary>
public sealed class CredentialInJobLogRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL018",
        "Credential in job log",
        "{0} ({1})",
        DiagnosticSeverity.Warning,
        "GitLab masks an ID token or a secret only as its exact value, and never what a login prints: such a credential is readable by everyone who can read the job log.");

    /// <summary>Commands that print their input transformed, so the log's masking no longer recognises it.</summary>
    private static readonly ImmutableHashSet<string> Transformers = ImmutableHashSet.Create(StringComparer.Ordinal, "base64", "base32", "rev", "xxd", "od", "hexdump");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "credential-in-job-log";

    public bool NeedsJobContext => true;

    public void AnalyzeJob(JobContext context)
    {
        var job = context.Job;
        var known = CredentialFlow.Of(job);
        CheckDebugTrace(context, known);
        if (job.Shell == JobShell.PowerShell)
        {
            foreach (var print in PowerShellCredentialFlow.Of(job).Prints)
            {
                context.Report(print.Location, print.Message);
            }

            return;
        }

        foreach (var (lines, state) in CredentialFlow.Shells(job, known))
        {
            SourceLocation? tracing = null;
            var tracingReported = false;
            var pieces = new Dictionary<string, List<SourceLocation>>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                var script = line.Shell;
                for (var i = 0; i < script.Commands.Length; i++)
                {
                    var command = script.Commands[i];
                    if (Xtrace(command) is { } on)
                    {
                        tracing = on ? Where(line, command) : null;
                        tracingReported = false;
                        continue;
                    }

                    CredentialFlow.Track(script, command, state);

                    // Tracing prints each command as it runs, expanded: an unmasked credential assigned or used after 'set -x'.
                    if (tracing is { } traced && !tracingReported && UsesUnmasked(script, command, state) is { } exposed)
                    {
                        context.Report(traced, $"'set -x' prints every command after it expanded, so {exposed.What} reaches the job log, where GitLab does not mask it");
                        tracingReported = true;
                    }

                    if (Printed(script, i, state) is { } message)
                    {
                        context.Report(AtName(line, command), message);
                    }

                    if (Piece(script, i, state) is { } sliced)
                    {
                        if (!pieces.TryGetValue(sliced, out var at))
                        {
                            pieces[sliced] = at = new List<SourceLocation>();
                        }

                        at.Add(AtName(line, command));
                    }
                }
            }

            // Two slices or more of one credential printed: together they are the credential, and no piece is masked.
            foreach (var piece in pieces.Where(p => p.Value.Count >= 2))
            {
                context.Report(piece.Value[0], $"'{piece.Key}' is printed in {piece.Value.Count} pieces (here and on later lines), which together form {state.Known[piece.Key].What}, and the job log's masking recognises none of them");
            }
        }
    }

    /// <summary>
    /// The credential a command prints a slice of, to the log: <c>echo ${TOKEN:0:40}</c>, or
    /// <c>echo $TOKEN | cut -c1-40</c>. One slice is a fragment; pieces add up to the credential.
    /// </summary>
    private static string? Piece(ShellScript script, int index, CredentialState state)
    {
        var command = script.Commands[index];
        if (command.Name is not ("echo" or "printf") || ToLogIsRedirected(command))
        {
            return null;
        }

        if (command.Terminator != ShellOperator.Pipe)
        {
            foreach (var word in command.Words.Skip(1))
            {
                foreach (var part in word.Parts.OfType<VariablePart>())
                {
                    // Masked ones only: a captured login is reported whole wherever it is printed.
                    if (part.Operator == ":" && state.Known.TryGetValue(part.Reference.Name, out var credential) && credential is { IsFile: false, IsMasked: true })
                    {
                        return part.Reference.Name;
                    }
                }
            }

            return null;
        }

        var (end, _) = PipelineEnd(script, index);
        var next = script.Commands[index + 1];
        if (next.Name != "cut" || !ReferenceEquals(next, end) || ToLogIsRedirected(end)
            || !next.Words.Skip(1).Any(w => w.LiteralValue is { } v && (v.StartsWith("-c", StringComparison.Ordinal) || v.StartsWith("-b", StringComparison.Ordinal))))
        {
            return null;
        }

        var reference = script.Variables.FirstOrDefault(v => v.Start >= command.Start && v.End <= command.End && !v.InSubstitution
            && state.Known.TryGetValue(v.Name, out var c) && c is { IsFile: false, IsMasked: true });
        return reference?.Name;
    }

    private static SourceLocation Where(ScriptLine line, ShellCommand command)
        => new(line.Node.File, line.Node.MapToSource(command.Start, command.End - command.Start));

    /// <summary>
    /// The command's name and subcommands (<c>vault write auth/jwt/login</c>): where the finding
    /// points, and a span that a fix elsewhere in the command's arguments does not move.
    /// </summary>
    private static SourceLocation AtName(ScriptLine line, ShellCommand command)
    {
        var named = NamedWords(command);
        var end = named.Count > 0 ? named[named.Count - 1].End : command.End;
        return new SourceLocation(line.Node.File, line.Node.MapToSource(command.Start, end - command.Start));
    }

    /// <summary>What the command prints to the log that exposes a credential, as the finding's message; null when nothing.</summary>
    private static string? Printed(ShellScript script, int index, CredentialState state)
    {
        var command = script.Commands[index];
        if (ToLogIsRedirected(command))
        {
            return null;
        }

        var piped = command.Terminator == ShellOperator.Pipe;
        var name = command.Name;

        // (a) A login whose output nobody captures (tee passes it on to the log as well).
        var passedOn = piped && PipelineEnd(script, index) is var (last, _) && last.Name == "tee" && !ToLogIsRedirected(last) && ReferenceEquals(last, script.Commands[index + 1]);
        if ((!piped || passedOn) && CredentialCommands.Describe(command) is { } login)
        {
            return $"'{Label(command)}' prints {login} to the job log, where GitLab masks none of it; capture it in a variable or narrow it (--query, -field=)";
        }

        // (b) A credential piped through a transformation whose output reaches the log.
        if (name is "echo" or "printf" && piped && PipelineEnd(script, index) is var (end, transformer) && transformer is not null && !ToLogIsRedirected(end))
        {
            var credential = command.Words.Skip(1).Select(w => CredentialFlow.ValueIn(script, w, state)).FirstOrDefault(c => c is not null);
            if (credential is not null)
            {
                return $"'{name} … | {transformer.Name}' prints {credential.What} transformed, so the job log's masking does not recognise it";
            }
        }

        // 'env | grep -i vault', 'printenv | sort': the dump still reaches the log, filtered.
        if (piped && name is "env" or "printenv" && command.Words.Length == 1 && FilteredDump(script, index, state) is { } filtered)
        {
            return $"'{name} | …' prints {filtered.What} to the job log, where GitLab does not mask it";
        }

        if (piped)
        {
            return null;
        }

        // (c) A credential GitLab never masked, printed as it is, or with every variable.
        if (name is "echo" or "printf")
        {
            var credential = command.Words.Skip(1).Select(w => CredentialFlow.ValueIn(script, w, state, includeSubstitutions: false)).FirstOrDefault(c => c is { IsMasked: false });
            return credential is null ? null : $"'{name}' prints {credential.What} to the job log, where GitLab does not mask it";
        }

        // printenv NAME prints one variable.
        if (name == "printenv" && command.Words.Length == 2 && command.Words[1].LiteralValue is { } printed
            && state.Known.TryGetValue(printed, out var one) && one is { IsMasked: false, IsFile: false })
        {
            return $"'printenv' prints {one.What} to the job log, where GitLab does not mask it";
        }

        var dumpsAll = (name is "env" or "printenv" && command.Words.Length == 1)
            || (name == "export" && command.Words.Length == 2 && command.Words[1].LiteralValue == "-p");
        if (dumpsAll && state.Known.Where(k => !k.Value.IsMasked && state.Exported.Contains(k.Key)).Select(k => k.Value).FirstOrDefault() is { } exported)
        {
            return $"'{name}' prints every exported variable, {exported.What} among them, to the job log, where GitLab does not mask it";
        }

        if (name == "set" && command.Words.Length == 1 && state.Known.Values.FirstOrDefault(c => !c.IsMasked) is { } shellVariable)
        {
            return $"'set' prints every variable of the shell, {shellVariable.What} among them, to the job log, where GitLab does not mask it";
        }

        return null;
    }

    /// <summary>
    /// An exported captured login that a dump piped into <c>grep</c> (whose literal pattern is in
    /// the variable's name), <c>sort</c>, <c>cat</c> or <c>tee</c> still prints; null when the
    /// filter could drop it or the output goes elsewhere.
    /// </summary>
    private static Credential? FilteredDump(ShellScript script, int index, CredentialState state)
    {
        var (end, _) = PipelineEnd(script, index);
        var next = script.Commands[index + 1];
        if (!ReferenceEquals(next, end) || ToLogIsRedirected(end))
        {
            return null;
        }

        var exported = state.Known.Where(k => k.Value is { IsMasked: false, IsFile: false } && state.Exported.Contains(k.Key)).ToList();
        switch (next.Name)
        {
            case "sort" or "cat" or "tee":
                return exported.Select(k => k.Value).FirstOrDefault();
            case "grep":
                var options = next.Words.Skip(1).TakeWhile(w => w.LiteralValue is { } v && v.StartsWith("-", StringComparison.Ordinal)).Select(w => w.LiteralValue!).ToList();
                var pattern = next.Words.Skip(1 + options.Count).FirstOrDefault()?.LiteralValue;
                if (pattern is null || options.Any(o => o.IndexOf('v') > 0) || pattern.IndexOfAny(new[] { '*', '.', '[', '^', '$', '\\', '|', '(' }) >= 0)
                {
                    return null;
                }

                var comparison = options.Any(o => o.IndexOf('i') > 0) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                return exported.Where(k => k.Key.IndexOf(pattern, comparison) >= 0).Select(k => k.Value).FirstOrDefault();
            default:
                return null;
        }
    }

    /// <summary>The last command of the pipeline that starts at <paramref name="index"/>, and the first transformer in it.</summary>
    private static (ShellCommand End, ShellCommand? Transformer) PipelineEnd(ShellScript script, int index)
    {
        ShellCommand? transformer = null;
        var i = index;
        while (script.Commands[i].Terminator == ShellOperator.Pipe && i + 1 < script.Commands.Length)
        {
            i++;
            var next = script.Commands[i];
            if (transformer is null && next.Name is { } name && Transformers.Contains(name) && !Decodes(next))
            {
                transformer = next;
            }
        }

        return (script.Commands[i], transformer);
    }

    /// <summary><c>base64 -d</c> (or <c>-di</c>) decodes: of a JWT that prints claims, not the token; <c>xxd -r</c> reverts.</summary>
    private static bool Decodes(ShellCommand command)
        => command.Words.Skip(1).Any(w => w.LiteralValue is "--decode" or "--revert"
            || (w.LiteralValue is { Length: > 1 } v && v[0] == '-' && v[1] != '-' && (v.IndexOf('d') > 0 || v.IndexOf('D') > 0 || v.IndexOf('r') > 0)));

    /// <summary>stdout sent to a file or /dev/null; /dev/stderr and /dev/tty still reach the log.</summary>
    private static bool ToLogIsRedirected(ShellCommand command)
        => command.Redirections.Any(r => r.WritesStdout
            && r.Target!.LiteralValue is not ("/dev/stderr" or "/dev/stdout" or "/dev/tty" or "/dev/fd/1" or "/dev/fd/2"));

    /// <summary>true for <c>set -x</c> / <c>set -o xtrace</c> (also in <c>set -ex</c>), false for <c>set +x</c>, null for anything else.</summary>
    private static bool? Xtrace(ShellCommand command)
    {
        if (command.Name != "set")
        {
            return null;
        }

        var words = command.Words.Skip(1).Select(w => w.LiteralValue ?? string.Empty).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if ((word is "-o" or "+o") && i + 1 < words.Count && words[i + 1] == "xtrace")
            {
                return word == "-o";
            }

            if (word.Length > 1 && word[0] is '-' or '+' && word[1] != '-' && word[1] != 'o' && word.IndexOf('x') > 0)
            {
                return word[0] == '-';
            }
        }

        return null;
    }

    private static Credential? UsesUnmasked(ShellScript script, ShellCommand command, CredentialState state)
    {
        // An assignment of a login's output is traced with the value.
        foreach (var assignment in command.Assignments)
        {
            if (state.Known.TryGetValue(assignment.Name, out var assigned) && !assigned.IsMasked)
            {
                return assigned;
            }
        }

        if (command.Name is "export" or "local" or "readonly" or "declare" or "typeset")
        {
            foreach (var word in command.Words.Skip(1))
            {
                if (word.TryGetAssignment(out var name, out _) && state.Known.TryGetValue(name, out var declared) && !declared.IsMasked)
                {
                    return declared;
                }
            }
        }

        var used = script.Variables.FirstOrDefault(v => v.Start >= command.Start && v.End <= command.End && state.Known.TryGetValue(v.Name, out var c) && !c.IsMasked);
        return used is null ? null : state.Known[used.Name];
    }

    private static void CheckDebugTrace(JobContext context, Dictionary<string, Credential> known)
    {
        if (known.Count == 0)
        {
            return;
        }

        foreach (var variables in new[] { context.Job.Get("variables"), context.Pipeline.Config.Get("variables") })
        {
            if (variables is YamlMapping mapping && mapping.GetEntry("CI_DEBUG_TRACE") is { } entry)
            {
                var value = entry.Value switch
                {
                    YamlScalar scalar => scalar.Value,
                    YamlMapping full => (full.Get("value") as YamlScalar)?.Value,
                    _ => null,
                };
                if (value is "true" or "True" or "TRUE")
                {
                    var credential = known.Values.First();
                    context.Report(entry.Key.Location, $"CI_DEBUG_TRACE prints every variable and every command of the job, {credential.What} among them, and GitLab's docs call it a serious security risk; turn it on only in a job that holds no credential");
                }

                // The job's own value wins over the pipeline's.
                return;
            }
        }
    }

    private static string Label(ShellCommand command)
    {
        var words = NamedWords(command);
        return words.Count == 0 ? command.Name ?? "?" : string.Join(" ", words.Select(w => w.LiteralValue));
    }

    /// <summary>The tool and up to two subcommands, never options or values: the same whatever follows them.</summary>
    private static List<ShellWord> NamedWords(ShellCommand command)
        => command.Words.TakeWhile(w => w.LiteralValue is { } v && !v.StartsWith("-", StringComparison.Ordinal) && v.IndexOf('=') < 0).Take(3).ToList();
}

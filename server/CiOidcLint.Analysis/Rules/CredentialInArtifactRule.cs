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
/// CIOL017: a script line writes a credential to a file that the job publishes. GitLab masks an
/// ID token in the job log, but a file under <c>artifacts:paths</c> is downloadable by anyone who
/// can read the project's artifacts and is fetched by every later job; a dotenv report also hands
/// its variables to every later job; a cache is restored into later pipelines. The token in the
/// file is valid for the job's timeout (five minutes by default), a login's session for longer.
/// <para>
/// Followed: the job's ID tokens, its <c>secrets:</c> (a file secret's contents, a value secret's
/// value), and values captured from a login or secret-reading command (<c>VAULT_TOKEN=$(vault write
/// … auth/jwt/login …)</c>), through plain copies (<c>T=$VAULT_ID_TOKEN</c>). Writes: <c>&gt;</c>,
/// <c>&gt;&gt;</c>, <c>tee</c>, <c>cp</c>/<c>mv</c> of a secret file, here-documents, and a login
/// redirected to a file. Only literal paths count, relative to the project folder (or under
/// <c>$CI_PROJECT_DIR</c>); after a <c>cd</c> relative paths cannot be placed, and a file the job
/// removes again (<c>rm</c>) is not uploaded. PowerShell jobs are read by <see cref="PowerShellCredentialFlow"/>.
/// </para>
/// </summary>
public sealed class CredentialInArtifactRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL017",
        "Credential in artifact",
        "'{0}' writes {1} to '{2}', which {3} ({4})",
        DiagnosticSeverity.Error,
        "A file the job publishes as an artifact, a dotenv report or a cache is readable outside the job, and GitLab masks nothing in it.");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "credential-in-artifact";

    public bool NeedsJobContext => true;

    public void AnalyzeJob(JobContext context)
    {
        var job = context.Job;
        var published = PublishedFiles.Of(job);
        if (published.IsEmpty)
        {
            return;
        }

        if (job.Shell == JobShell.PowerShell)
        {
            foreach (var write in PowerShellCredentialFlow.Of(job).KeptWrites)
            {
                if (published.Publishing(write.Path, write.IsFolder) is { } publisher)
                {
                    context.Report(write.Location, write.Shown, write.What, write.IsFolder ? write.Path + "/" : write.Path, Consequence(publisher));
                }
            }

            return;
        }

        // before_script and script run in one shell, after_script in another; each starts from
        // the job's variables.
        var writes = new List<Write>();
        var removals = new List<(string Path, int Order)>();
        var order = 0;
        foreach (var (lines, state) in CredentialFlow.Shells(job, CredentialFlow.Of(job)))
        {
            foreach (var line in lines)
            {
                var script = line.Shell;
                for (var i = 0; i < script.Commands.Length; i++)
                {
                    order++;
                    Visit(script, i, line, state, published, writes, removals, order);
                }
            }
        }

        foreach (var write in writes.Where(w => !removals.Any(r => r.Path == w.Path && r.Order > w.Order)))
        {
            context.Report(write.Location, write.Shown, write.What, write.Path, Consequence(write.Publisher));
        }
    }

    private static void Visit(ShellScript script, int index, ScriptLine line, CredentialState state, PublishedFiles published, List<Write> writes, List<(string, int)> removals, int order)
    {
        var command = script.Commands[index];
        var name = command.Name;
        switch (name)
        {
            case "cd" or "pushd" or "popd":
                // Back to the project folder is known; anywhere else, relative paths cannot be placed.
                state.FolderKnown = command.Words.Length == 2 && command.Words[1].RawText is "$CI_PROJECT_DIR" or "\"$CI_PROJECT_DIR\"" or "${CI_PROJECT_DIR}" or "\"${CI_PROJECT_DIR}\"";
                return;
            case "rm":
                foreach (var word in command.Words.Skip(1).Where(w => !(w.LiteralValue ?? "-").StartsWith("-", StringComparison.Ordinal)))
                {
                    if (Place(word, state) is { } removed)
                    {
                        removals.Add((removed, order));
                    }
                }

                return;
        }

        CredentialFlow.Track(script, command, state);

        var content = Content(script, index, state);
        var location = new SourceLocation(line.Node.File, line.Node.MapToSource(command.Start, command.End - command.Start));
        if (content is not null)
        {
            foreach (var redirection in command.Redirections.Where(r => r.WritesStdout))
            {
                Record(redirection.Target!, $"{name ?? string.Empty} … {redirection.Operator} {redirection.Target!.RawText}".TrimStart(), content, isFolder: false);
            }

            if (name == "tee")
            {
                foreach (var target in CredentialFlow.Operands(command))
                {
                    Record(target, $"tee {target.RawText}", content, isFolder: false);
                }
            }
        }

        // cp/mv of a secret file: the copy holds the secret.
        if (name is "cp" or "mv" or "install" && CredentialFlow.Operands(command).ToList() is { Count: >= 2 } operands
            && operands.Take(operands.Count - 1).Select(w => CredentialFlow.FileSecret(script, w, state)).FirstOrDefault(c => c is not null) is { } copied)
        {
            var destination = operands[operands.Count - 1];
            var raw = destination.LiteralValue ?? destination.RawText;
            Record(destination, $"{name} … {destination.RawText}", copied.What, isFolder: raw.EndsWith("/", StringComparison.Ordinal) || raw is "." or "./");
        }

        void Record(ShellWord target, string shown, string what, bool isFolder)
        {
            if (Place(target, state) is not { } path || published.Publishing(path, isFolder) is not { } publisher)
            {
                return;
            }

            writes.Add(new Write(location, shown, what, isFolder ? path + "/" : path, publisher, order));
        }
    }

    /// <summary>envsubst's SHELL-FORMAT: <c>$NAME</c> or <c>${NAME}</c>.</summary>
    private static readonly System.Text.RegularExpressions.Regex ShellFormat = new(@"\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)\}?", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>What the command prints to stdout that is a credential, or null.</summary>
    private static string? Content(ShellScript script, int index, CredentialState state)
    {
        var command = script.Commands[index];
        var name = command.Name;

        // A here-document fed to a command that copies its input out ('cat > file <<EOF … $TOKEN … EOF');
        // what other programs print (kubectl, ssh) is their own output, not the document.
        foreach (var redirection in command.Redirections.Where(r => r.IsHereDocument && r.HereDocument is not null && name is "cat" or "tee"))
        {
            if (CredentialFlow.ValueIn(script, redirection.HereDocument!, state) is { } inHereDocument)
            {
                return inHereDocument.What;
            }
        }

        switch (name)
        {
            case "echo" or "printf":
                foreach (var word in command.Words.Skip(1))
                {
                    if (CredentialFlow.ValueIn(script, word, state) is { } value)
                    {
                        return value.What;
                    }
                }

                return null;
            case "cat":
                return command.Words.Skip(1).Select(w => CredentialFlow.FileSecret(script, w, state)?.What).FirstOrDefault(w => w is not null);
            case "sed" or "jq" or "awk" or "yq":
                // A value put into what they print: 'sed "s|@KEY@|$API_KEY|" t', 'jq -n --arg k "$TOKEN" …'.
                return command.Words.Skip(1).Select(w => CredentialFlow.ValueIn(script, w, state, includeSubstitutions: false)?.What).FirstOrDefault(w => w is not null);
            case "envsubst":
                // envsubst '$VAULT_TOKEN' < template > out: the variables it is told to fill, when
                // exported, land in its output. Told nothing, it fills whatever the template names,
                // which the linter cannot read.
                foreach (var word in command.Words.Skip(1))
                {
                    foreach (System.Text.RegularExpressions.Match reference in ShellFormat.Matches(word.LiteralValue ?? string.Empty))
                    {
                        var variable = reference.Groups["name"].Value;
                        if (state.Exported.Contains(variable) && state.Known.TryGetValue(variable, out var filled) && !filled.IsFile)
                        {
                            return filled.What;
                        }
                    }
                }

                return null;
            case "tee":
                // tee passes on what the command before it in the pipeline printed.
                return index > 0 && script.Commands[index - 1].Terminator == ShellOperator.Pipe ? Content(script, index - 1, state) : null;
            case "env" or "printenv" when command.Words.Length == 1:
            case "set" or "export" or "declare" when command.Words.Length == 1 || (command.Words.Length == 2 && command.Words[1].LiteralValue is "-p" or "-x"):
                // Every variable of the job, ID tokens and value secrets among them.
                return state.Known.Values.Any(c => !c.IsFile) ? "every variable of the job, ID tokens and secrets among them" : null;
        }

        return CredentialCommands.Describe(command);
    }

    /// <summary>Where a written path lands, relative to the project folder; null when that cannot be known or is outside it.</summary>
    private static string? Place(ShellWord target, CredentialState state)
    {
        var raw = target.LiteralValue;
        if (raw is null)
        {
            // "$CI_PROJECT_DIR/x" and "${CI_PROJECT_DIR}/x" are the project folder wherever the shell stands.
            var text = target.RawText.Trim('"');
            foreach (var project in new[] { "$CI_PROJECT_DIR/", "${CI_PROJECT_DIR}/" })
            {
                if (text.StartsWith(project, StringComparison.Ordinal) && text.IndexOf('$', project.Length) < 0 && text.IndexOf('`') < 0)
                {
                    return PublishedFiles.ProjectPath(text.Substring(project.Length));
                }
            }

            return null;
        }

        return state.FolderKnown ? PublishedFiles.ProjectPath(raw) : null;
    }

    private static string Consequence(Publisher publisher) => publisher.Key switch
    {
        "artifacts:reports:dotenv" when publisher.AccessNarrowed => "artifacts:reports:dotenv keeps with the job's artifacts: downloadable by everyone artifacts:access or public still lets in",
        "artifacts:reports:dotenv" => "artifacts:reports:dotenv publishes: the file is downloadable, and its variables reach every later job of the pipeline",
        "artifacts:untracked" => "artifacts:untracked: true publishes: anyone who can download the job's artifacts, and every later job that fetches them, can read it",
        "cache:untracked" => "cache:untracked: true keeps: every later job and pipeline that shares the cache key restores it",
        "cache:paths" => $"cache:paths ('{publisher.Pattern}') keeps: every later job and pipeline that shares the cache key restores it",
        _ => $"artifacts:paths ('{publisher.Pattern}') publishes: anyone who can download the job's artifacts, and every later job that fetches them, can read it",
    };

    private sealed record Write(SourceLocation Location, string Shown, string What, string Path, Publisher Publisher, int Order);
}

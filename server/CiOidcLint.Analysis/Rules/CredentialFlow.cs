using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Rules;

/// <summary>A value the job holds that opens something: what to call it, and how GitLab treats it.</summary>
/// <param name="What">How a message names it: "the ID token VAULT_ID_TOKEN", "the Vault token from 'vault write' (in VAULT_TOKEN)".</param>
/// <param name="IsFile">The variable names a file that holds the credential (a file secret), not the credential.</param>
/// <param name="IsMasked">GitLab masks the exact value in the job log: ID tokens and <c>secrets:</c>; not what a login printed.</param>
internal sealed record Credential(string What, bool IsFile, bool IsMasked);

/// <summary>What one shell of a job knows as it runs: which variables hold credentials, which are exported, where it stands.</summary>
internal sealed class CredentialState
{
    public CredentialState(Dictionary<string, Credential> known)
    {
        Known = known;
    }

    public Dictionary<string, Credential> Known { get; }

    /// <summary>Variables of the job (always in the environment) and those the script exported.</summary>
    public HashSet<string> Exported { get; } = new(StringComparer.Ordinal);

    /// <summary>False after a <c>cd</c> elsewhere: relative paths can no longer be placed.</summary>
    public bool FolderKnown { get; set; } = true;
}

/// <summary>
/// Follows credentials through a job's script, for the exposure rules (CIOL017, CIOL018): the
/// job's ID tokens and <c>secrets:</c>, values captured from a login or secret-reading command
/// (<see cref="CredentialCommands"/>), and plain copies of either.
/// </summary>
internal static class CredentialFlow
{
    private static readonly System.Text.RegularExpressions.Regex ExportedKey = new(@"(?:^|\s)(?<name>[A-Za-z_][A-Za-z0-9_]*)=%s", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly ImmutableHashSet<string> Declarers = ImmutableHashSet.Create(StringComparer.Ordinal, "export", "local", "readonly", "declare", "typeset");

    /// <summary>The credentials a job starts with: its ID tokens and its secrets.</summary>
    public static Dictionary<string, Credential> Of(Job job)
    {
        var known = new Dictionary<string, Credential>(StringComparer.Ordinal);
        foreach (var token in job.IdTokens)
        {
            known[token.Name] = new Credential($"the ID token {token.Name}", IsFile: false, IsMasked: true);
        }

        foreach (var secret in job.Secrets)
        {
            var isFile = (secret.Mapping?.Get("file") as YamlScalar)?.Value is not ("false" or "False" or "FALSE");
            known[secret.Name] = new Credential(isFile ? $"the secret {secret.Name} (its file's contents)" : $"the secret {secret.Name}", isFile, IsMasked: true);
        }

        return known;
    }

    /// <summary>The job's shells in the order they run: before_script with script, then after_script; each starts from the job's variables.</summary>
    public static IEnumerable<(IReadOnlyList<ScriptLine> Lines, CredentialState State)> Shells(Job job, Dictionary<string, Credential> known)
    {
        foreach (var lines in new[] { job.ScriptLines.Where(l => l.Section is "before_script" or "script").ToList(), job.ScriptLines.Where(l => l.Section == "after_script").ToList() })
        {
            var state = new CredentialState(new Dictionary<string, Credential>(known, StringComparer.Ordinal));
            state.Exported.UnionWith(known.Keys);
            yield return (lines, state);
        }
    }

    /// <summary>Assignments that make a variable hold a credential (a login's output, a copy of one), and exports.</summary>
    public static void Track(ShellScript script, ShellCommand command, CredentialState state)
    {
        var assignments = command.Assignments.Select(a => (a.Name, Value: (ShellWord?)a.Value)).ToList();
        if (command.Name is { } builtin && Declarers.Contains(builtin))
        {
            foreach (var word in command.Words.Skip(1))
            {
                if (word.TryGetAssignment(out ShellAssignment? assignment))
                {
                    assignments.Add((assignment.Name, assignment.Value));
                    if (builtin == "export")
                    {
                        state.Exported.Add(assignment.Name);
                    }
                }
                else if (builtin == "export" && word.LiteralValue is { } name)
                {
                    state.Exported.Add(name);
                }
                else if (builtin == "export" && word.Parts.Length > 0 && word.Parts[0] is CommandSubstitution exported && DeepLogin(exported, 0) is { } login)
                {
                    // GitLab's documented 'export $(printf "AWS_ACCESS_KEY_ID=%s …" $(aws sts …))':
                    // every NAME= of the printf format is a key of that login, exported.
                    foreach (var format in exported.Inner.Commands.Where(c => c.Name == "printf").Select(c => c.Words.Skip(1).FirstOrDefault()?.LiteralValue).OfType<string>())
                    {
                        foreach (System.Text.RegularExpressions.Match key in ExportedKey.Matches(format))
                        {
                            var variable = key.Groups["name"].Value;
                            state.Known[variable] = new Credential($"{login} (in {variable})", IsFile: false, IsMasked: false);
                            state.Exported.Add(variable);
                        }
                    }
                }
            }
        }

        // 'read -r A B C <<< "$CREDS"' (or <<< $(aws sts …)): every variable read holds part of it.
        if (command.Name == "read" && command.Redirections.FirstOrDefault(r => r.Operator == "<<<")?.Target is { } hereString
            && (LoginIn(hereString) ?? UnmaskedIn(script, hereString, state)) is { } source)
        {
            foreach (var word in command.Words.Skip(1).Where(w => w.LiteralValue is { } v && !v.StartsWith("-", StringComparison.Ordinal)))
            {
                state.Known[word.LiteralValue!] = new Credential($"{source} (in {word.LiteralValue})", IsFile: false, IsMasked: false);
            }
        }

        foreach (var (name, value) in assignments)
        {
            if (value is null)
            {
                continue;
            }

            // A login's output, or what a command made of a captured one ('$(echo "$CREDS" | jq -r .SecretAccessKey)').
            var login = LoginIn(value) ?? (value.Substitutions.IsEmpty || Measures(value) ? null : UnmaskedIn(script, value, state));
            var copied = login is null ? ValueIn(script, value.Start, value.End, state, includeSubstitutions: false) ?? FileRead(value, state) : null;
            if (login is not null)
            {
                state.Known[name] = new Credential($"{login} (in {name})", IsFile: false, IsMasked: false);
            }
            else if (copied is not null)
            {
                state.Known[name] = copied;
            }
            else if (command.Name is null)
            {
                // A plain reassignment replaces whatever the variable held.
                state.Known.Remove(name);
            }
        }
    }

    /// <summary>
    /// The first credential whose value the text range prints: <c>$NAME</c> of a value credential,
    /// or (with <paramref name="includeSubstitutions"/>) a login or <c>cat</c> of a file secret
    /// run inside a <c>$(…)</c> there.
    /// </summary>
    /// <summary>The credential a word prints (see the range overload); substitutions are looked into only when it has some.</summary>
    public static Credential? ValueIn(ShellScript script, ShellWord word, CredentialState state, bool includeSubstitutions = true)
        => ValueIn(script, word.Start, word.End, state, includeSubstitutions && !word.Substitutions.IsEmpty);

    public static Credential? ValueIn(ShellScript script, int start, int end, CredentialState state, bool includeSubstitutions = true)
    {
        HashSet<int>? notTheValue = null;
        foreach (var reference in script.Variables)
        {
            if (reference.Start < start || reference.End > end || reference.InSubstitution)
            {
                continue;
            }

            // ${#X} is X's length (and ${!X} an indirection): the name sits one character further in.
            if (reference.Form == VariableForm.Braced && reference.NameStart - reference.Start == 3)
            {
                continue;
            }

            if (!state.Known.TryGetValue(reference.Name, out var credential) || credential.IsFile)
            {
                continue;
            }

            // ${X:+word} and ${X+word} give the word, not X (looked at only for a credential's reference).
            notTheValue ??= AlternateValues(script);
            if (!notTheValue.Contains(reference.Start))
            {
                return credential;
            }
        }

        if (!includeSubstitutions)
        {
            return null;
        }

        foreach (var substitution in script.DescendantSubstitutions().Where(s => s.Start >= start && s.End <= end))
        {
            foreach (var inner in substitution.Inner.Commands)
            {
                if (CredentialCommands.Describe(inner) is { } login)
                {
                    return new Credential(login, IsFile: false, IsMasked: false);
                }

                if (inner.Name == "cat" && inner.Words.Skip(1).Select(w => FileSecret(substitution.Inner, w, state)).FirstOrDefault(c => c is not null) is { } file)
                {
                    return file;
                }
            }
        }

        return null;
    }

    /// <summary>'$(echo -n "$TOKEN" | wc -c)' measures the credential: its result is a number, not a secret.</summary>
    private static bool Measures(ShellWord word)
        => word.Substitutions.SelectMany(s => s.Inner.Commands).Any(c => c.Name == "wc");

    /// <summary>'$(cat "$FILE_SECRET")': the secret's contents, as masked as the secret itself.</summary>
    private static Credential? FileRead(ShellWord value, CredentialState state)
    {
        foreach (var substitution in value.Substitutions)
        {
            foreach (var command in substitution.Inner.Commands.Where(c => c.Name == "cat"))
            {
                if (command.Words.Skip(1).Select(w => FileSecret(substitution.Inner, w, state)).FirstOrDefault(c => c is not null) is { } file)
                {
                    return file with { IsFile = false };
                }
            }
        }

        return null;
    }

    /// <summary>A login run anywhere inside the substitution, nested substitutions included.</summary>
    private static string? DeepLogin(CommandSubstitution substitution, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        foreach (var command in substitution.Inner.Commands)
        {
            if (CredentialCommands.Describe(command) is { } login)
            {
                return login;
            }

            foreach (var inner in command.Words.SelectMany(w => w.Substitutions))
            {
                if (DeepLogin(inner, depth + 1) is { } nested)
                {
                    return nested;
                }
            }
        }

        return null;
    }

    private static string? LoginIn(ShellWord word)
        => word.Substitutions.SelectMany(s => s.Inner.Commands).Select(CredentialCommands.Describe).FirstOrDefault(d => d is not null);

    /// <summary>
    /// A captured login (not an ID token or secret, whose slices and claims are not
    /// credentials) referenced anywhere in the word, substitutions included.
    /// </summary>
    private static string? UnmaskedIn(ShellScript script, ShellWord word, CredentialState state)
    {
        var reference = script.Variables.FirstOrDefault(v => v.Start >= word.Start && v.End <= word.End
            && state.Known.TryGetValue(v.Name, out var c) && c is { IsMasked: false, IsFile: false });
        return reference is null ? null : StripHolder(state.Known[reference.Name].What);
    }

    /// <summary>"the AWS keys from 'aws sts' (in CREDS)" → "the AWS keys from 'aws sts'", so a derived name says where it came from once.</summary>
    private static string StripHolder(string what)
        => what.EndsWith(")", StringComparison.Ordinal) && what.LastIndexOf(" (in ", StringComparison.Ordinal) is var i and > 0 ? what.Substring(0, i) : what;

    /// <summary>The starts of <c>${X:+word}</c> and <c>${X+word}</c> expansions, which print the word, not X.</summary>
    private static HashSet<int> AlternateValues(ShellScript script)
    {
        var starts = new HashSet<int>();
        void Visit(ShellWord? word)
        {
            if (word is null)
            {
                return;
            }

            foreach (var part in word.Parts.OfType<VariablePart>())
            {
                if (part.Operator is ":+" or "+")
                {
                    starts.Add(part.Reference.Start);
                }

                Visit(part.Operand);
            }
        }

        foreach (var command in script.Commands)
        {
            foreach (var word in command.Words)
            {
                Visit(word);
            }

            foreach (var assignment in command.Assignments)
            {
                Visit(assignment.Value);
            }

            foreach (var redirection in command.Redirections)
            {
                Visit(redirection.Target);
                Visit(redirection.HereDocument);
            }
        }

        return starts;
    }

    /// <summary>A word that names a file secret's path (<c>"$DB_PASSWORD"</c>), as cat, cp and mv take it.</summary>
    public static Credential? FileSecret(ShellScript script, ShellWord word, CredentialState state)
    {
        var reference = word.Parts.Length == 1 && word.Parts[0] is VariablePart { Operator.Length: 0 } single
            ? single.Reference
            : script.Variables.FirstOrDefault(v => v.Start >= word.Start && v.End <= word.End && !v.InSubstitution && word.LiteralValue is null && word.RawText.Trim('"') == v.ToString());
        return reference is not null && state.Known.TryGetValue(reference.Name, out var credential) && credential.IsFile ? credential : null;
    }

    /// <summary>The arguments that are not options.</summary>
    public static IEnumerable<ShellWord> Operands(ShellCommand command)
        => command.Words.Skip(1).Where(w => !(w.LiteralValue is { } v && v.StartsWith("-", StringComparison.Ordinal) && v.Length > 1));
}

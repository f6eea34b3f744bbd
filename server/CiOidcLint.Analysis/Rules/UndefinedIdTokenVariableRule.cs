using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL014: a script hands <c>$NAME</c> to a login where an OIDC token belongs
/// (<c>--web-identity-token</c>, <c>jwt=</c>, a variable named <c>*_ID_TOKEN</c>…) while the job
/// has no ID token and the pipeline no variable of that name: the login gets an empty string.
/// Typical after renaming a token, or after copying a script from a job that had one.
/// </summary>
public sealed class UndefinedIdTokenVariableRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL014",
        "Undefined ID token variable",
        "'{0}' is passed where an OIDC token belongs, but it is neither an ID token of the job nor a variable of the pipeline, so the login gets an empty token ({1})",
        DiagnosticSeverity.Warning,
        "Every ID token becomes a job variable of its name; a name no token or variable defines expands to nothing.");

    private static readonly string[] TokenOptions = { "--web-identity-token", "--id-token", "--federated-token", "--jwt" };

    private static readonly string[] TokenAssignments = { "jwt=", "web_identity_token=", "id_token=" };

    private static readonly string[] TokenSuffixes = { "_ID_TOKEN", "_OIDC_TOKEN", "_JWT" };

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "undefined-id-token-variable";

    public bool NeedsJobContext => true;

    public void AnalyzeJob(JobContext context)
    {
        var job = context.Job;
        if (job.IsTrigger || job.ScriptLines.IsEmpty || context.Pipeline.HasDotenvReports)
        {
            // A dotenv report of another job can define any variable at run time.
            return;
        }

        HashSet<string>? defined = null;
        foreach (var line in job.ScriptLines)
        {
            if (line.Text.IndexOf('$') < 0 && line.Text.IndexOf('%') < 0)
            {
                continue;
            }

            foreach (var reference in TokenReferences(line.Text, line.Shell))
            {
                if (IsDeprecatedJwt(reference.Name) || reference.Name.StartsWith("CI_", StringComparison.Ordinal))
                {
                    // CI_JOB_JWT* is CIOL001's; other CI_ names are GitLab's predefined variables.
                    continue;
                }

                // The cheap answers first: most references name a token, a secret or a variable.
                if (job.IdTokens.Any(t => t.Name == reference.Name) || job.Secrets.Any(t => t.Name == reference.Name))
                {
                    continue;
                }

                defined ??= Defined(context.Pipeline, job);
                if (defined.Contains(reference.Name))
                {
                    continue;
                }

                var span = line.Node.MapToSource(reference.NameStart, reference.Name.Length);
                var fixes = TokenChoiceFixes.Replace(line.Node.File, span, job.IdTokens, name => name);
                context.Report(new SourceLocation(line.Node.File, line.Node.MapToSource(reference.Start, reference.Length)), fixes, "$" + reference.Name);
            }
        }
    }

    private static bool IsDeprecatedJwt(string name) => name is "CI_JOB_JWT" or "CI_JOB_JWT_V1" or "CI_JOB_JWT_V2";

    /// <summary>References in places where a token belongs: option values, <c>jwt=</c>, and token-like names anywhere.</summary>
    private static IEnumerable<VariableReference> TokenReferences(string text, ShellScript script)
    {
        var seen = new HashSet<int>();
        foreach (var reference in ShellCache.Variables(text))
        {
            if (EndsWithAny(reference.Name, TokenSuffixes) && seen.Add(reference.Start))
            {
                yield return reference;
            }
        }

        foreach (var command in script.Commands)
        {
            for (var i = 0; i < command.Words.Length; i++)
            {
                var word = command.Words[i];
                var raw = word.RawText;

                // A word quoted whole, "jwt=$TOKEN", is read past its opening quote.
                var quote = raw.Length > 1 && raw[0] == '"' ? 1 : 0;
                var bare = quote == 0 ? raw : raw.Substring(quote);
                int from;
                if (TokenOptions.Contains(raw) && i + 1 < command.Words.Length)
                {
                    word = command.Words[i + 1];
                    from = 0;
                }
                else if (OptionWithValue(bare) is { } option)
                {
                    from = quote + option.Length + 1;
                }
                else if (StartsWithAny(bare, TokenAssignments) is { } assignment)
                {
                    from = quote + assignment.Length;
                }
                else
                {
                    continue;
                }

                foreach (var reference in VariableScanner.Find(word.RawText.Substring(from)))
                {
                    var shifted = Shift(reference, word.Start + from);
                    if (word.Substitutions.Any(c => c.InnerStart <= shifted.Start && shifted.Start < c.InnerStart + c.InnerLength))
                    {
                        // --federated-token "$(cat $TOKEN_FILE)": the token is the command's output.
                        continue;
                    }

                    if (seen.Add(shifted.Start))
                    {
                        yield return shifted;
                    }
                }
            }
        }
    }

    // Loops rather than LINQ: these run for every word of every script line, on every keystroke.
    private static bool EndsWithAny(string text, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? StartsWithAny(string text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        return null;
    }

    /// <summary>The option of <c>--option=value</c> when it is one of <see cref="TokenOptions"/>.</summary>
    private static string? OptionWithValue(string word)
    {
        foreach (var option in TokenOptions)
        {
            if (word.Length > option.Length && word[option.Length] == '=' && word.StartsWith(option, StringComparison.Ordinal))
            {
                return option;
            }
        }

        return null;
    }

    private static VariableReference Shift(VariableReference reference, int by)
        => new(reference.Name, reference.Start + by, reference.Length, reference.NameStart + by, reference.Form, reference.InDoubleQuotes, reference.InSubstitution);

    /// <summary>ID tokens, job and pipeline variables, secrets, and names the job's scripts assign.</summary>
    private static HashSet<string> Defined(PipelineConfig pipeline, Job job)
    {
        var names = new HashSet<string>(job.IdTokens.Select(t => t.Name), StringComparer.Ordinal);
        names.UnionWith(job.Secrets.Select(s => s.Name));
        foreach (var variables in new[] { job.Get("variables"), pipeline.Config.Get("variables") })
        {
            if (variables is YamlMapping mapping)
            {
                names.UnionWith(mapping.Entries.Select(e => e.Name));
            }
        }

        // rules:variables (of the job and of workflow:rules) and parallel:matrix set job variables too.
        foreach (var rules in new[] { job.Get("rules"), (pipeline.Config.Get("workflow") as YamlMapping)?.Get("rules") })
        {
            if (rules is YamlSequence list)
            {
                foreach (var rule in list.Items.OfType<YamlMapping>())
                {
                    if (rule.Get("variables") is YamlMapping ruleVariables)
                    {
                        names.UnionWith(ruleVariables.Entries.Select(e => e.Name));
                    }
                }
            }
        }

        if ((job.Get("parallel") as YamlMapping)?.Get("matrix") is YamlSequence matrix)
        {
            foreach (var entry in matrix.Items.OfType<YamlMapping>())
            {
                names.UnionWith(entry.Entries.Select(e => e.Name));
            }
        }

        foreach (var line in job.ScriptLines)
        {
            foreach (var command in line.Shell.Commands)
            {
                names.UnionWith(command.Assignments.Select(a => a.Name));
                if (command.Name is "export" or "local" or "readonly" or "declare" or "typeset" or "read" or "for" or "set")
                {
                    foreach (var word in command.Words.Skip(1))
                    {
                        names.Add(word.TryGetAssignment(out var name, out _) ? name : word.RawText);
                    }
                }
            }

            // 'for NAME in …' and '$env:NAME = …' (PowerShell) assign without a command of their own.
            var words = line.Text.Split(new[] { ' ', '\t', '\n', ';' }, StringSplitOptions.RemoveEmptyEntries);
            for (var w = 0; w < words.Length; w++)
            {
                var word = words[w];
                var equals = word.IndexOf('=');
                var candidate = equals > 0 ? word.Substring(0, equals) : word;
                if (candidate.StartsWith("$env:", StringComparison.OrdinalIgnoreCase))
                {
                    // Only an assignment defines it; '--token $env:NAME' reads it.
                    if (equals > 0 || (w + 1 < words.Length && words[w + 1].StartsWith("=", StringComparison.Ordinal)))
                    {
                        names.Add(candidate.Substring(5));
                    }
                }
                else if (equals > 0)
                {
                    names.Add(candidate);
                }
            }

            var forIndex = line.Text.IndexOf("for ", StringComparison.Ordinal);
            if (forIndex >= 0)
            {
                var rest = line.Text.Substring(forIndex + 4).TrimStart().Split(' ');
                if (rest.Length > 0)
                {
                    names.Add(rest[0]);
                }
            }
        }

        return names;
    }
}

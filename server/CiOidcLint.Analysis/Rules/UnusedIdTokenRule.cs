using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL013: an ID token that no job using it refers to. Every token is minted and handed to the
/// job (and to every process it runs) for nothing: a credential with a lifetime and an audience
/// that nobody needs. Judged over all jobs at once: a token in a template is unused only when
/// no job that inherits it uses it.
/// </summary>
public sealed class UnusedIdTokenRule : IPipelineRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL013",
        "Unused ID token",
        "ID token '{0}' is minted for every run but no script, variable, hook or secret of the job uses it ({1})",
        DiagnosticSeverity.Info,
        "An ID token is a live credential in the job's environment; one that nothing uses only widens what a leaked environment gives away.",
        WellKnownDiagnosticTags.Unnecessary);

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "unused-id-token";

    public void AnalyzePipeline(PipelineContext context)
    {
        var tokens = new Dictionary<(string Path, int Start), (IdToken Token, List<Job> Jobs, bool Used)>();
        var pipelineReferences = References(context.Pipeline.Config.Get("variables"));
        foreach (var job in context.Pipeline.ConcreteJobs)
        {
            if (job.IsTrigger || job.IdTokens.IsEmpty)
            {
                continue;
            }

            // A job whose composition is incomplete, or that runs code the linter cannot read, may use anything.
            var usesAll = job.IsIncomplete || ScriptRunners.RunsHiddenCode(job);
            var used = usesAll ? null : UsedNames(job, pipelineReferences);
            used?.UnionWith(ScriptRunners.ReadByName(job));
            foreach (var token in job.IdTokens)
            {
                if (token.Name.IndexOf("$[[", StringComparison.Ordinal) >= 0)
                {
                    // A name built from component inputs: what refers to it is only known once they are filled in.
                    continue;
                }

                var key = (token.Entry.Key.File.Path, token.Entry.Key.Span.Start);
                var isUsed = used is null || used.Contains(token.Name);
                tokens[key] = tokens.TryGetValue(key, out var seen)
                    ? (seen.Token, Add(seen.Jobs, job), seen.Used || isUsed)
                    : (token, new List<Job> { job }, isUsed);
            }
        }

        foreach (var (token, jobs, used) in tokens.Values)
        {
            if (!used)
            {
                context.ReportFor(token.Entry.Key.Location, jobs, Fix(token), token.Name);
            }
        }
    }

    private static List<Job> Add(List<Job> jobs, Job job)
    {
        jobs.Add(job);
        return jobs;
    }

    /// <summary>Names the job refers to anywhere in its configuration, plus the tokens secrets pick up on their own.</summary>
    private static HashSet<string> UsedNames(Job job, HashSet<string> pipelineReferences)
    {
        var used = new HashSet<string>(pipelineReferences, StringComparer.Ordinal);
        foreach (var entry in job.Effective.Entries.Where(e => e.Name is not ("id_tokens" or "secrets")))
        {
            used.UnionWith(References(entry.Value));
        }

        if (job.Get("secrets") is { } unread and not YamlMapping)
        {
            used.UnionWith(References(unread));
        }

        foreach (var secret in job.Secrets)
        {
            // Named uses: every key of the secret but the token: of a gitlab_secrets_manager
            // secret, which logs in with a JWT GitLab mints for it (ee BuildRunnerPresenter:
            // inline_auth), so it uses nothing.
            var ignoresToken = secret.Provider == "gitlab_secrets_manager";
            foreach (var key in secret.Mapping?.Entries ?? ImmutableArray<YamlEntry>.Empty)
            {
                if (!(ignoresToken && key.Name == "token"))
                {
                    used.UnionWith(References(key.Value));
                }
            }

            if (secret.Mapping is null)
            {
                used.UnionWith(References(secret.Entry.Value));
            }

            // Implicit uses: a secret without token: picks one up on its own.
            if (secret.Token is null && secret.Provider is { } provider)
            {
                if (GitLabKeywords.FirstTokenProviders.Contains(provider) && job.IdTokens.Length > 0)
                {
                    used.Add(job.IdTokens[0].Name);
                }
                else if (provider == "aws_secrets_manager")
                {
                    used.Add("AWS_ID_TOKEN");
                }
            }
        }

        return used;
    }

    /// <summary>Every variable name referenced below <paramref name="node"/>, and every bare word (<c>printenv NAME</c>).</summary>
    private static HashSet<string> References(YamlNode? node)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (node is null)
        {
            return names;
        }

        foreach (var scalar in YamlTraversal.ValueScalars(node))
        {
            foreach (var reference in ShellCache.Variables(scalar.Value))
            {
                names.Add(reference.Name);
            }

            foreach (var word in scalar.Value.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(word);
            }
        }

        return names;
    }

    private static readonly char[] WordBreaks = " \t\r\n\"'`$={}()[],;:|&<>!%@.".ToCharArray();

    /// <summary>Removes the entry, or the whole <c>id_tokens</c> when it is the only one (an empty id_tokens is invalid).</summary>
    private static ImmutableArray<CodeFix> Fix(IdToken token)
    {
        var file = token.Entry.Key.File;
        var holder = YamlEdits.HolderOf(file, token.Entry.Key.Span.Start);
        var idTokens = (holder?.Value as YamlMapping)?.WrittenEntries.LastOrDefault(e => e.Name == "id_tokens" && e.Value is YamlMapping m && m.WrittenEntries.Any(t => t.Key.Span == token.Entry.Key.Span));
        if (idTokens?.Value is not YamlMapping written)
        {
            return ImmutableArray<CodeFix>.Empty;
        }

        var change = written.WrittenEntries.Length == 1 ? YamlEdits.DeleteLines(idTokens) : YamlEdits.DeleteLines(token.Entry);
        return change is { } c
            ? ImmutableArray.Create(CodeFixes.InFile($"Remove ID token '{token.Name}'", false, file.Path, c))
            : ImmutableArray<CodeFix>.Empty;
    }
}

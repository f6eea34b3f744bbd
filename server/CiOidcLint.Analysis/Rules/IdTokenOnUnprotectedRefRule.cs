using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Pipeline.Conditions;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL019: a job that mints ID tokens or reads <c>secrets:</c> and that <c>workflow:rules</c>
/// and its own <c>rules</c> or <c>only</c>/<c>except</c> let run in a pipeline that anyone with
/// push access can start: for an unprotected branch, or for a merge request. The token's claims
/// then carry that branch, and a cloud role that trusts only <c>project_path</c> hands out its
/// credentials. Silent whenever the answer depends on something the file does not say.
/// </summary>
public sealed class IdTokenOnUnprotectedRefRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL019",
        "ID token on unprotected ref",
        "The job gets {0} and runs {1}: a cloud or Vault role that trusts only the project path gives its credentials to anyone who can push a branch ({2})",
        DiagnosticSeverity.Info,
        "Rules that keep a credential-bearing job to protected refs, together with a role that checks ref_protected, keep a pushed branch from getting the role's credentials.");

    private const string ProtectedCondition = "$CI_COMMIT_REF_PROTECTED == \"true\"";

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "id-token-on-unprotected-ref";

    public bool NeedsJobContext => true;

    public void AnalyzeJob(JobContext context)
    {
        var job = context.Job;
        if (job.IsTrigger || (job.IdTokens.Length == 0 && job.Secrets.Length == 0)
            || !IsProjectPipeline(context.Pipeline) || DeploysToProtectableEnvironment(job))
        {
            return;
        }

        var branch = false;
        var mergeRequest = false;
        var inclusion = JobInclusion.For(context.Pipeline);
        foreach (var untrusted in UntrustedPipeline.All)
        {
            var runs = inclusion.Runs(job, untrusted);
            if (runs == RunVerdict.Unknown)
            {
                // One pipeline it may run in is enough to stay silent: the rule never guesses.
                return;
            }

            if (runs == RunVerdict.Runs)
            {
                mergeRequest |= untrusted.IsMergeRequest;
                branch |= !untrusted.IsMergeRequest;
            }
        }

        if (!branch && !mergeRequest)
        {
            return;
        }

        var where = branch && mergeRequest ? "in pipelines for unprotected branches and merge requests"
            : branch ? "in pipelines for any unprotected branch"
            : "in merge request pipelines from any branch";
        context.Report(job.Declaration.Key.Location, Fix(job), Credentials(job), where);
    }

    /// <summary>
    /// Only a project's own <c>.gitlab-ci.yml</c> is judged. Any other file standing alone may be
    /// a child pipeline, a component or a file other projects include: when its jobs run is
    /// decided by whatever triggers or includes it.
    /// </summary>
    private static bool IsProjectPipeline(PipelineConfig pipeline)
    {
        var name = pipeline.Root.Path.Substring(pipeline.Root.Path.LastIndexOf('/') + 1);
        return name is ".gitlab-ci.yml" or ".gitlab-ci.yaml";
    }

    /// <summary>
    /// A protected environment lets only the users it names run a job that deploys to it, on any
    /// branch; group-level protection goes by the environment's tier. Whether an environment is
    /// protected is a project setting, so a job that deploys is not judged, unless its
    /// environment is one per branch (every variable in its name names the ref or the merge
    /// request, as in <c>review/$CI_COMMIT_REF_SLUG</c>) in the development, testing or other
    /// tier: such environments cannot be protected ahead of time.
    /// </summary>
    private static bool DeploysToProtectableEnvironment(Job job)
    {
        var environment = job.Get("environment");
        if (environment is null)
        {
            return false;
        }

        var name = environment is YamlMapping mapping ? mapping.Get("name") : environment;
        if (name is not YamlScalar { IsReference: false } scalar)
        {
            return true;
        }

        var variables = EnvironmentVariable.Matches(scalar.Value).Cast<System.Text.RegularExpressions.Match>().Select(m => m.Groups["name"].Value).ToList();
        if (variables.Count == 0 || variables.Any(v => !PerBranchVariables.Contains(v)))
        {
            return true;
        }

        var tier = ((environment as YamlMapping)?.Get("deployment_tier") as YamlScalar)?.Value ?? GuessTier(scalar.Value);
        return tier is not ("development" or "testing" or "other");
    }

    private static readonly System.Text.RegularExpressions.Regex EnvironmentVariable = new(@"\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)\}?", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly ImmutableHashSet<string> PerBranchVariables = ImmutableHashSet.Create(
        StringComparer.Ordinal, "CI_COMMIT_REF_SLUG", "CI_COMMIT_REF_NAME", "CI_COMMIT_BRANCH", "CI_BUILD_REF_SLUG", "CI_BUILD_REF_NAME",
        "CI_MERGE_REQUEST_IID", "CI_MERGE_REQUEST_ID", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_SHORT_SHA", "CI_COMMIT_SHA", "CI_PIPELINE_ID", "CI_PIPELINE_IID");

    /// <summary>Environment#guess_tier: the tier GitLab gives an environment from its name.</summary>
    private static string GuessTier(string name)
    {
        bool Is(string pattern) => System.Text.RegularExpressions.Regex.IsMatch(name, pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        return Is("(dev|review|trunk)") ? "development"
            : Is("(test|tst|int|ac(ce|)pt|qa|qc|control|quality)") ? "testing"
            : Is("(st(a|)g|mod(e|)l|pre|demo|non)") ? "staging"
            : Is("(pr(o|)d|live)") ? "production"
            : "other";
    }

    private static string Credentials(Job job)
    {
        var parts = new List<string>();
        if (job.IdTokens.Length > 0)
        {
            parts.Add((job.IdTokens.Length == 1 ? "the ID token " : "the ID tokens ") + Names(job.IdTokens.Select(t => t.Name)));
        }

        if (job.Secrets.Length > 0)
        {
            parts.Add((job.Secrets.Length == 1 ? "the secret " : "the secrets ") + Names(job.Secrets.Select(s => s.Name)));
        }

        return string.Join(" and ", parts);
    }

    private static string Names(IEnumerable<string> names)
    {
        var quoted = names.Select(n => "'" + n + "'").ToList();
        return quoted.Count <= 3 ? string.Join(", ", quoted) : string.Join(", ", quoted.Take(3)) + $" and {quoted.Count - 3} more";
    }

    /// <summary>
    /// Not preferred, since it changes when the job runs: a job without rules gets
    /// <c>rules: [if: $CI_COMMIT_REF_PROTECTED == "true"]</c>; a job with its own block list of
    /// rules gets a first rule that keeps it off unprotected refs. A job whose rules come from a
    /// template, or that uses only/except, gets no fix: a new rules key would replace them.
    /// </summary>
    private static ImmutableArray<CodeFix> Fix(Job job)
    {
        if (job.Declaration.Value is not YamlMapping declared)
        {
            return ImmutableArray<CodeFix>.Empty;
        }

        var file = declared.File;
        const string Title = "Run this job on protected refs only";
        var ownRules = declared.WrittenEntries.FirstOrDefault(e => e.Name == "rules");
        if (ownRules is null)
        {
            // GitLab rejects start_in next to rules (Entry::Processable's disallowed keys).
            if (job.Get("rules") is not null || job.Get("only") is not null || job.Get("except") is not null || job.Get("start_in") is not null)
            {
                return ImmutableArray<CodeFix>.Empty;
            }

            var insert = YamlEdits.InsertFirst(file, declared, new[] { new SnippetLine(0, "rules:"), new SnippetLine(1, "- if: " + ProtectedCondition) });
            return insert is { } change ? ImmutableArray.Create(CodeFixes.InFile(Title, isPreferred: false, file.Path, change)) : ImmutableArray<CodeFix>.Empty;
        }

        // rules: *shared is the anchored list itself: a guard there would change every job that uses it.
        if (ownRules.Value is not YamlSequence { IsFlow: false, IsReference: false } rules || rules.Items.Length == 0 || rules.Items[0].File != file
            || !declared.Span.Contains(rules.Items[0].Span.Start) || rules.Span.Start < ownRules.Key.Span.End
            || SourceLayout.SequenceDash(file.Text, rules.Items[0]) is not { } dash)
        {
            return ImmutableArray<CodeFix>.Empty;
        }

        var text = file.Text;
        if (text.ToString(TextSpan.FromBounds(ownRules.Key.Span.End, dash)).IndexOf('&') >= 0)
        {
            // rules: &shared: other jobs may use the same list through *shared.
            return ImmutableArray<CodeFix>.Empty;
        }

        var column = SourceLayout.Column(text, dash);
        var newLine = SourceLayout.NewLine(text);
        var itemColumn = SourceLayout.Column(text, rules.Items[0].Span.Start);
        var rule = "- if: $CI_COMMIT_REF_PROTECTED != \"true\"" + newLine + SourceLayout.Spaces(itemColumn) + "when: never" + newLine + SourceLayout.Spaces(column);
        return ImmutableArray.Create(CodeFixes.InFile(Title, isPreferred: false, file.Path, new TextChange(new TextSpan(dash, 0), rule)));
    }
}

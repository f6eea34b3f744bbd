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
            || !IsProjectPipeline(context.Pipeline) || DeploysToNamedEnvironment(job))
        {
            return;
        }

        var branch = false;
        var mergeRequest = false;
        foreach (var untrusted in UntrustedPipeline.All)
        {
            var workflow = JobInclusion.Workflow(context.Pipeline, untrusted);
            var runs = workflow == RunVerdict.DoesNotRun ? RunVerdict.DoesNotRun : Min(workflow, JobInclusion.Job(job, untrusted));
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

    private static RunVerdict Min(RunVerdict a, RunVerdict b) => a < b ? a : b;

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
    /// branch. Whether an environment is protected is a project setting, so a job with a fixed
    /// environment name is not judged. A name built from the branch (<c>review/$CI_COMMIT_REF_SLUG</c>)
    /// is not one a project can protect ahead of time.
    /// </summary>
    private static bool DeploysToNamedEnvironment(Job job)
    {
        var environment = job.Get("environment");
        var name = environment is YamlMapping mapping ? mapping.Get("name") : environment;
        return name is not null && (name is not YamlScalar scalar || scalar.Value.IndexOf('$') < 0);
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
            if (job.Get("rules") is not null || job.Get("only") is not null || job.Get("except") is not null)
            {
                return ImmutableArray<CodeFix>.Empty;
            }

            var insert = YamlEdits.InsertFirst(file, declared, new[] { new SnippetLine(0, "rules:"), new SnippetLine(1, "- if: " + ProtectedCondition) });
            return insert is { } change ? ImmutableArray.Create(CodeFixes.InFile(Title, isPreferred: false, file.Path, change)) : ImmutableArray<CodeFix>.Empty;
        }

        if (ownRules.Value is not YamlSequence { IsFlow: false, IsReference: false } rules || rules.Items.Length == 0 || rules.Items[0].File != file
            || SourceLayout.SequenceDash(file.Text, rules.Items[0]) is not { } dash)
        {
            return ImmutableArray<CodeFix>.Empty;
        }

        var text = file.Text;
        var column = SourceLayout.Column(text, dash);
        var newLine = SourceLayout.NewLine(text);
        var itemColumn = SourceLayout.Column(text, rules.Items[0].Span.Start);
        var rule = "- if: $CI_COMMIT_REF_PROTECTED != \"true\"" + newLine + SourceLayout.Spaces(itemColumn) + "when: never" + newLine + SourceLayout.Spaces(column);
        return ImmutableArray.Create(CodeFixes.InFile(Title, isPreferred: false, file.Path, new TextChange(new TextSpan(dash, 0), rule)));
    }
}

using System.Linq;
using Microsoft.CodeAnalysis.Text;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Fixes;
using System.Collections.Generic;
using System.Collections.Immutable;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL001: <c>CI_JOB_JWT</c>, <c>CI_JOB_JWT_V1</c> and <c>CI_JOB_JWT_V2</c>, deprecated in
/// GitLab 15.9 and removed in 17.0 (issues 366798, 423106). Any reference — script, hook,
/// variable, <c>rules:if</c>, <c>secrets:*:token</c> — expands to nothing on current GitLab.
/// </summary>
public sealed class DeprecatedJobJwtRule : IJobRule, IPipelineRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL001",
        "Deprecated job JWT",
        "'{0}' was removed in GitLab 17.0 and is empty now, so whatever authenticates with it fails ({1})",
        DiagnosticSeverity.Error,
        "CI_JOB_JWT, CI_JOB_JWT_V1 and CI_JOB_JWT_V2 were deprecated in GitLab 15.9 and removed in 17.0; declare an ID token with id_tokens and use its name instead.",
        "Deprecated");

    private static readonly ImmutableHashSet<string> Names = ImmutableHashSet.Create(System.StringComparer.Ordinal, "CI_JOB_JWT", "CI_JOB_JWT_V1", "CI_JOB_JWT_V2");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "deprecated-job-jwt";

    public bool NeedsJobContext => false;

    public void AnalyzeJob(JobContext context)
    {
        foreach (var scalar in YamlTraversal.ValueScalars(context.Job.Effective))
        {
            Check(scalar, context, context.Job);
        }
    }

    public void AnalyzePipeline(PipelineContext context)
    {
        // Top-level variables and workflow rules belong to no job.
        foreach (var key in new[] { "variables", "workflow" })
        {
            if (context.Pipeline.Config.Get(key) is { } value)
            {
                foreach (var scalar in YamlTraversal.ValueScalars(value))
                {
                    Check(scalar, context, job: null);
                }
            }
        }
    }

    private static void Check(YamlScalar scalar, RuleContext context, Job? job)
    {
        if (scalar.Value.IndexOf("CI_JOB_JWT", System.StringComparison.Ordinal) < 0)
        {
            return;
        }

        foreach (var reference in ShellCache.Variables(scalar.Value))
        {
            // A job may define an ID token under the old name (a migration keeps its scripts so):
            // then the variable is that token, not the removed one.
            if (Names.Contains(reference.Name) && !(job is not null && job.IdTokens.Any(t => t.Name == reference.Name)))
            {
                var fixes = job is null ? ImmutableArray<CodeFix>.Empty : Fix(job, scalar, reference);
                context.Report(new SourceLocation(scalar.File, scalar.MapToSource(reference.Start, reference.Length)), fixes, reference.Name);
            }
        }
    }

    /// <summary>
    /// With exactly one ID token, the reference uses it; otherwise the job (or the template or
    /// <c>default:</c> that holds the reference) gets <c>GITLAB_OIDC_TOKEN</c>. Only the name
    /// changes, so <c>${…}</c>, <c>%…%</c> and <c>$env:…</c> keep their form.
    /// </summary>
    private static ImmutableArray<CodeFix> Fix(Job job, YamlScalar scalar, VariableReference reference)
    {
        if (IsInRules(scalar))
        {
            // Rules are evaluated before any ID token exists: a token there stays empty too.
            return ImmutableArray<CodeFix>.Empty;
        }

        var name = new TextChange(scalar.MapToSource(reference.NameStart, reference.Name.Length), string.Empty);
        var tokens = job.IdTokens;
        var existing = tokens.Length == 1 ? tokens[0].Name : tokens.Any(t => t.Name == IdTokenFixes.NewTokenName) ? IdTokenFixes.NewTokenName : null;
        if (existing is not null)
        {
            return ImmutableArray.Create(CodeFixes.InFile($"Use ID token '{existing}' instead of {reference.Name}", true, scalar.File.Path, new TextChange(name.Span, existing)));
        }

        if (IdTokenFixes.AddToken(job, scalar.File, scalar.Span.Start, IdTokenFixes.NewTokenName) is not { } add)
        {
            return ImmutableArray<CodeFix>.Empty;
        }

        return ImmutableArray.Create(CodeFixes.InFile(
            $"Add ID token {IdTokenFixes.NewTokenName} and use it instead of {reference.Name}",
            true,
            scalar.File.Path,
            add,
            new TextChange(name.Span, IdTokenFixes.NewTokenName)));
    }

    private static bool IsInRules(YamlScalar scalar)
        => YamlEdits.HolderOf(scalar.File, scalar.Span.Start)?.Value is YamlMapping holder
            && holder.WrittenEntries.Any(e => e.Name is "rules" or "only" or "except" && e.Value.File == scalar.File && e.Value.Span.Contains(scalar.Span.Start));
}

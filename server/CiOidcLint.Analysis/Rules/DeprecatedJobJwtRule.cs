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
        foreach (var scalar in Scalars(context.Job.Effective))
        {
            Check(scalar, context);
        }
    }

    public void AnalyzePipeline(PipelineContext context)
    {
        // Top-level variables and workflow rules belong to no job.
        foreach (var key in new[] { "variables", "workflow" })
        {
            if (context.Pipeline.Config.Get(key) is { } value)
            {
                foreach (var scalar in Scalars(value))
                {
                    Check(scalar, context);
                }
            }
        }
    }

    private static void Check(YamlScalar scalar, RuleContext context)
    {
        if (scalar.Value.IndexOf("CI_JOB_JWT", System.StringComparison.Ordinal) < 0)
        {
            return;
        }

        foreach (var reference in VariableScanner.Find(scalar.Value))
        {
            if (Names.Contains(reference.Name))
            {
                context.Report(new SourceLocation(scalar.File, scalar.MapToSource(reference.Start, reference.Length)), reference.Name);
            }
        }
    }

    /// <summary>Every scalar value below <paramref name="node"/>, each node once (aliases share nodes).</summary>
    internal static IEnumerable<YamlScalar> Scalars(YamlNode node)
    {
        var seen = new HashSet<YamlNode>();
        var pending = new Stack<YamlNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            switch (current)
            {
                case YamlScalar scalar:
                    yield return scalar;
                    break;
                case YamlMapping mapping:
                    for (var i = mapping.Entries.Length - 1; i >= 0; i--)
                    {
                        pending.Push(mapping.Entries[i].Value);
                    }

                    break;
                case YamlSequence sequence:
                    for (var i = sequence.Items.Length - 1; i >= 0; i--)
                    {
                        pending.Push(sequence.Items[i]);
                    }

                    break;
            }
        }
    }
}

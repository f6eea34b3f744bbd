using System.Collections.Generic;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline.Conditions;

/// <summary>
/// Whether <c>workflow:rules</c> create a pipeline, and whether a job's <c>rules</c> or
/// <c>only</c>/<c>except</c> add it, as Gitlab::Ci::Pipeline::Seed::Build#included? decides:
/// the first rule that matches wins (<c>when: never</c> excludes), no match excludes; without
/// rules, every <c>only</c> clause must match and no <c>except</c> clause may, and a job with
/// neither runs for <c>only: [branches, tags]</c>, so not in merge request pipelines.
/// </summary>
public static class JobInclusion
{
    private const int MaxNesting = 10;

    public static RunVerdict Workflow(PipelineConfig pipeline, UntrustedPipeline context)
    {
        var rules = (pipeline.Config.Get("workflow") as YamlMapping)?.Get("rules");
        if (rules is null or YamlScalar { IsNull: true })
        {
            // An include the linter could not read may set workflow:rules.
            return pipeline.HasUnfollowedIncludes ? RunVerdict.Unknown : RunVerdict.Runs;
        }

        return Rules(rules, context);
    }

    public static RunVerdict Job(Job job, UntrustedPipeline context)
    {
        var rules = job.Get("rules");
        var only = job.Get("only");
        var except = job.Get("except");
        if (rules is not null)
        {
            // GitLab rejects rules next to only/except.
            return only is null && except is null ? Rules(rules, context) : RunVerdict.Unknown;
        }

        var included = (only is null ? Refs(new[] { "branches", "tags" }, context) : Policy(only, context, isOnly: true))
            .And((except is null ? Outcome.Never : Policy(except, context, isOnly: false)).Not());
        return From(included.CanBeTrue);
    }

    private static RunVerdict From(Certainty certainty) => certainty switch
    {
        Certainty.Yes => RunVerdict.Runs,
        Certainty.No => RunVerdict.DoesNotRun,
        _ => RunVerdict.Unknown,
    };

    private static RunVerdict Rules(YamlNode node, UntrustedPipeline context)
    {
        var rules = new List<YamlNode>();
        if (!Flatten(node, rules, 0))
        {
            return RunVerdict.Unknown;
        }

        // From the last rule back: what happens once the pusher gets past rule i.
        var rest = RunVerdict.DoesNotRun;
        for (var i = rules.Count - 1; i >= 0; i--)
        {
            if (rules[i] is not YamlMapping rule)
            {
                return RunVerdict.Unknown;
            }

            var match = Match(rule, context);
            var when = rule.Get("when");
            if (when is not null and not YamlScalar)
            {
                return RunVerdict.Unknown;
            }

            if (when is YamlScalar { Value: "never" })
            {
                rest = match.CanBeFalse switch
                {
                    Certainty.Yes => rest,
                    Certainty.No => RunVerdict.DoesNotRun,
                    _ => rest == RunVerdict.DoesNotRun ? RunVerdict.DoesNotRun : RunVerdict.Unknown,
                };
            }
            else
            {
                rest = match.CanBeTrue switch
                {
                    Certainty.Yes => RunVerdict.Runs,
                    Certainty.No => rest,
                    _ => rest == RunVerdict.Runs ? RunVerdict.Runs : RunVerdict.Unknown,
                };
            }
        }

        return rest;
    }

    /// <summary>A rule list, with the lists <c>!reference</c> nests in it flattened as GitLab does.</summary>
    private static bool Flatten(YamlNode node, List<YamlNode> into, int depth)
    {
        if (node.IsReference || node is not YamlSequence sequence || depth > MaxNesting)
        {
            return false;
        }

        foreach (var item in sequence.Items)
        {
            if (item is YamlSequence && !Flatten(item, into, depth + 1))
            {
                return false;
            }

            if (item is not YamlSequence)
            {
                into.Add(item);
            }
        }

        return true;
    }

    /// <summary>A rule matches when all its clauses do: <c>if</c>, <c>changes</c>, <c>exists</c>.</summary>
    private static Outcome Match(YamlMapping rule, UntrustedPipeline context)
    {
        var match = Outcome.Always;
        if (rule.Get("if") is { } condition and not YamlScalar { IsNull: true })
        {
            match = match.And(Condition(condition, context));
        }

        // The pusher decides which files their branch changes and holds.
        if (rule.Get("changes") is { } changes and not YamlScalar { IsNull: true })
        {
            match = match.And(changes.IsReference ? Outcome.Unknown : Outcome.Chosen);
        }

        if (rule.Get("exists") is { } exists and not YamlScalar { IsNull: true })
        {
            // exists:project looks into another project, which the pusher does not control.
            match = match.And(exists.IsReference || (exists as YamlMapping)?.Get("project") is not null ? Outcome.Unknown : Outcome.Chosen);
        }

        return match;
    }

    private static Outcome Condition(YamlNode node, UntrustedPipeline context)
        => node is YamlScalar { IsReference: false } scalar && RulesExpression.Parse(scalar.Value) is { } expression
            ? expression.Evaluate(context)
            : Outcome.Unknown;

    /// <summary>
    /// An <c>only</c> or <c>except</c> value: a list of refs, or a mapping of clauses. All of
    /// <c>only</c>'s clauses must match; any of <c>except</c>'s excludes.
    /// </summary>
    private static Outcome Policy(YamlNode node, UntrustedPipeline context, bool isOnly)
    {
        switch (node)
        {
            case YamlSequence { IsReference: false } or YamlScalar { IsReference: false }:
                return Refs(node, context);
            case YamlMapping { IsReference: false } mapping:
                Outcome? combined = null;
                foreach (var clause in mapping.Entries)
                {
                    var outcome = clause.Name switch
                    {
                        "refs" => Refs(clause.Value, context),
                        "variables" => Variables(clause.Value, context),
                        "changes" => Outcome.Chosen,
                        _ => Outcome.Unknown,
                    };
                    combined = combined is not { } c ? outcome : isOnly ? c.And(outcome) : c.Or(outcome);
                }

                // Whether an only: without refs lets a job into merge request pipelines is not clear from GitLab's code.
                if (isOnly && !mapping.ContainsKey("refs") && context.IsMergeRequest)
                {
                    return Outcome.Unknown;
                }

                return combined ?? (isOnly ? Outcome.Always : Outcome.Never);
            default:
                return Outcome.Unknown;
        }
    }

    private static Outcome Refs(YamlNode node, UntrustedPipeline context)
    {
        var patterns = new List<string>();
        IReadOnlyList<YamlNode> items = node is YamlSequence sequence ? sequence.Items : new[] { node };
        foreach (var item in items)
        {
            if (item is not YamlScalar { IsReference: false } scalar)
            {
                return Outcome.Unknown;
            }

            patterns.Add(scalar.Value);
        }

        return Refs(patterns, context);
    }

    /// <summary>Gitlab::Ci::Build::Policy::Refs: any pattern may match.</summary>
    private static Outcome Refs(IEnumerable<string> patterns, UntrustedPipeline context)
    {
        var any = Outcome.Never;
        foreach (var pattern in patterns)
        {
            any = any.Or(Ref(pattern, context));
        }

        return any;
    }

    private static Outcome Ref(string pattern, UntrustedPipeline context)
    {
        if (UntrustedPipeline.IsRefKeyword(pattern))
        {
            return Outcome.Of(context.MatchesRefKeyword(pattern));
        }

        if (pattern.IndexOf('@') >= 0)
        {
            // branches@group/project: depends on which project runs the pipeline.
            return Outcome.Unknown;
        }

        if (pattern.Length > 2 && pattern[0] == '/' && pattern.LastIndexOf('/') > 0)
        {
            return RulesExpression.Parse("$CI_COMMIT_REF_NAME =~ " + pattern) is { } match ? match.Evaluate(context) : Outcome.Unknown;
        }

        // A branch the file names is taken as one of the project's protected branches.
        return Outcome.Never;
    }

    private static Outcome Variables(YamlNode node, UntrustedPipeline context)
    {
        if (node is not YamlSequence { IsReference: false } sequence)
        {
            return Outcome.Unknown;
        }

        var any = Outcome.Never;
        foreach (var item in sequence.Items)
        {
            any = any.Or(Condition(item, context));
        }

        return any;
    }
}

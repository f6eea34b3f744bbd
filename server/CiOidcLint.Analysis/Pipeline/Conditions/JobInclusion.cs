using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline.Conditions;

/// <summary>
/// Whether a job runs in a pipeline a pusher can start, as GitLab decides it:
/// <list type="bullet">
/// <item><c>workflow:rules</c> create the pipeline or not;</item>
/// <item>the job's <c>rules</c> (first match wins, <c>when: never</c> excludes, no match
/// excludes), or its <c>only</c>/<c>except</c> (every <c>only</c> clause must match, any
/// <c>except</c> clause excludes); a job with neither runs as <c>only: [branches, tags]</c>
/// (so not in merge request pipelines) unless <c>workflow:rules</c> exist
/// (Entry::Processable#compose! drops the default then);</item>
/// <item>the pipeline is not created when a job in it <c>needs</c> a job that is not, or
/// when it holds <c>.pre</c>/<c>.post</c> jobs only (Gitlab::Ci::Pipeline::Seed::Build,
/// Chain::Populate).</item>
/// </list>
/// Whatever depends on something the linter cannot see (a CI/CD variable, an include it could
/// not read, an include under <c>rules:</c>) is <see cref="RunVerdict.Unknown"/>.
/// </summary>
public sealed class JobInclusion
{
    private const int MaxNesting = 10;

    private static readonly ConditionalWeakTable<PipelineConfig, JobInclusion> Cache = new();

    private static readonly Regex VariableName = new(@"\$([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

    private readonly PipelineConfig _pipeline;
    private readonly HashSet<string> _namesFromConditionalIncludes;
    private readonly Dictionary<(string Job, UntrustedSource Source), RunVerdict> _own = new();
    private readonly Dictionary<UntrustedSource, Certainty> _fails = new();
    private readonly Dictionary<string, ImmutableHashSet<string>> _correlated = new(StringComparer.Ordinal);
    private readonly YamlNode? _workflowRules;

    private JobInclusion(PipelineConfig pipeline)
    {
        _pipeline = pipeline;
        _workflowRules = (pipeline.Config.Get("workflow") as YamlMapping)?.Get("rules") is { } rules and not YamlScalar { IsNull: true } ? rules : null;
        _namesFromConditionalIncludes = NamesFromConditionalIncludes(pipeline);
    }

    public static JobInclusion For(PipelineConfig pipeline)
    {
        lock (Cache)
        {
            return Cache.GetValue(pipeline, p => new JobInclusion(p));
        }
    }

    /// <summary>Whether <paramref name="job"/> runs in a pipeline of the given kind.</summary>
    public RunVerdict Runs(Job job, UntrustedPipeline context)
    {
        lock (_own)
        {
            var own = Own(job, context);
            if (own == RunVerdict.DoesNotRun)
            {
                // Whether the pipeline could be created at all matters only for a job that would be in it.
                return own;
            }

            var fails = Fails(context);
            return fails switch
            {
                Certainty.No => own,
                Certainty.Yes => RunVerdict.DoesNotRun,
                _ => own == RunVerdict.DoesNotRun ? RunVerdict.DoesNotRun : RunVerdict.Unknown,
            };
        }
    }

    private RunVerdict Own(Job job, UntrustedPipeline context)
    {
        if (_own.TryGetValue((job.Name, context.Source), out var known))
        {
            return known;
        }

        if (!_correlated.TryGetValue(job.Name, out var names))
        {
            _correlated[job.Name] = names = Correlated(job);
        }

        var correlated = context.WithCorrelated(names);
        var workflow = Workflow(correlated);
        var verdict = workflow == RunVerdict.DoesNotRun ? RunVerdict.DoesNotRun : Min(workflow, JobRules(job, correlated));
        if (verdict != RunVerdict.DoesNotRun && IsUncertain(job))
        {
            verdict = RunVerdict.Unknown;
        }

        _own[(job.Name, context.Source)] = verdict;
        return verdict;
    }

    private static RunVerdict Min(RunVerdict a, RunVerdict b) => a < b ? a : b;

    private static Certainty Max(Certainty a, Certainty b) => a > b ? a : b;

    private RunVerdict Workflow(UntrustedPipeline context)
    {
        if (_workflowRules is null)
        {
            // An include the linter could not read may set workflow:rules.
            return _pipeline.HasUnfollowedIncludes ? RunVerdict.Unknown : RunVerdict.Runs;
        }

        if (_namesFromConditionalIncludes.Contains("workflow") || (_pipeline.HasUnfollowedIncludes && _workflowRules.File != _pipeline.Root))
        {
            return RunVerdict.Unknown;
        }

        return Rules(_workflowRules, context);
    }

    /// <summary>
    /// A job that an include under <c>rules:</c> defines or changes may not exist at all; one
    /// whose rules are not written in the root file may get them from an include the linter
    /// could not read (the including file's keys win, so rules written there are final).
    /// </summary>
    private bool IsUncertain(Job job)
    {
        if (_namesFromConditionalIncludes.Contains(job.Name) || job.Bases.Any(_namesFromConditionalIncludes.Contains))
        {
            return true;
        }

        return _pipeline.HasUnfollowedIncludes
            && !(job.Declaration.Key.File == _pipeline.Root && job.Declaration.Value is YamlMapping declared
                 && declared.WrittenEntries.Any(e => e.Name is "rules" or "only" or "except"));
    }

    /// <summary>
    /// Whether the pipeline fails to be created: a job in it needs a job that is not in it
    /// ("'a' job needs 'b' job, but 'b' does not exist in the pipeline"), or it holds only
    /// <c>.pre</c> and <c>.post</c> jobs.
    /// </summary>
    private Certainty Fails(UntrustedPipeline context)
    {
        if (_fails.TryGetValue(context.Source, out var known))
        {
            return known;
        }

        var fails = Certainty.No;
        var regularRuns = Certainty.No;
        foreach (var job in _pipeline.ConcreteJobs)
        {
            var own = Own(job, context);
            if (own == RunVerdict.DoesNotRun)
            {
                continue;
            }

            var certain = own == RunVerdict.Runs ? Certainty.Yes : Certainty.Maybe;
            if ((job.Get("stage") as YamlScalar)?.Value is not (".pre" or ".post"))
            {
                regularRuns = Max(regularRuns, certain);
            }

            if (Needs(job) is not { } needs)
            {
                fails = Max(fails, Certainty.Maybe);
                continue;
            }

            foreach (var need in needs)
            {
                var needed = _pipeline.FindJob(need) is { IsHidden: false } found ? Own(found, context) : RunVerdict.Unknown;
                fails = Max(fails, needed switch
                {
                    RunVerdict.DoesNotRun => certain,
                    RunVerdict.Unknown => Certainty.Maybe,
                    _ => Certainty.No,
                });
            }
        }

        fails = Max(fails, regularRuns switch
        {
            Certainty.No => Certainty.Yes,
            Certainty.Maybe => Certainty.Maybe,
            _ => Certainty.No,
        });
        _fails[context.Source] = fails;
        return fails;
    }

    /// <summary>The jobs of this pipeline a job needs and cannot do without; null when that cannot be read.</summary>
    private static List<string>? Needs(Job job)
    {
        var names = new List<string>();
        if (job.Get("needs") is not { } node)
        {
            return names;
        }

        var items = new List<YamlNode>();
        if (!Flatten(node, items, 0))
        {
            return null;
        }

        foreach (var item in items)
        {
            switch (item)
            {
                case YamlScalar { IsReference: false } scalar:
                    names.Add(scalar.Value);
                    break;
                case YamlMapping { IsReference: false } mapping when mapping.ContainsKey("pipeline") || mapping.ContainsKey("project"):
                    // Artifacts of another pipeline or project: no job of this one.
                    break;
                case YamlMapping { IsReference: false } mapping when mapping.Get("job") is YamlScalar { IsReference: false } name:
                    if ((mapping.Get("optional") as YamlScalar)?.Value is not ("true" or "True" or "TRUE"))
                    {
                        names.Add(name.Value);
                    }

                    break;
                default:
                    return null;
            }
        }

        return names;
    }

    /// <summary>
    /// Values the pusher picks that the pipeline's conditions test more than once: one commit
    /// message or one set of changed files decides them all, so they are not independent choices.
    /// </summary>
    private ImmutableHashSet<string> Correlated(Job job)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string name) => counts[name] = counts.TryGetValue(name, out var n) ? n + 1 : 1;
        foreach (var node in new[] { _workflowRules, job.Get("rules"), job.Get("only"), job.Get("except") })
        {
            if (node is null)
            {
                continue;
            }

            foreach (var scalar in YamlTraversal.ValueScalars(node))
            {
                // Only the commit's and the merge request's own text is chosen: look no further otherwise.
                if (scalar.Value.IndexOf("CI_COMMIT_", StringComparison.Ordinal) < 0 && scalar.Value.IndexOf("CI_MERGE_REQUEST_", StringComparison.Ordinal) < 0
                    && scalar.Value.IndexOf("CI_OPEN_MERGE_REQUESTS", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (Match variable in VariableName.Matches(scalar.Value))
                {
                    if (UntrustedPipeline.All.Any(p => p.IsChosen(variable.Groups[1].Value)))
                    {
                        Count(variable.Groups[1].Value);
                    }
                }
            }

            var clauses = new List<YamlNode>();
            if (Flatten(node, clauses, 0))
            {
                foreach (var clause in clauses.OfType<YamlMapping>())
                {
                    if (clause.ContainsKey("changes") || clause.ContainsKey("exists"))
                    {
                        Count(UntrustedPipeline.FilesKey);
                    }
                }
            }
            else if (node is YamlMapping policy && policy.ContainsKey("changes"))
            {
                Count(UntrustedPipeline.FilesKey);
            }
        }

        return counts.Where(c => c.Value > 1).Select(c => c.Key).ToImmutableHashSet(StringComparer.Ordinal);
    }

    private RunVerdict JobRules(Job job, UntrustedPipeline context)
    {
        var rules = job.Get("rules");
        var only = job.Get("only");
        var except = job.Get("except");
        if (rules is not null)
        {
            // GitLab rejects rules next to only/except.
            return only is null && except is null ? Rules(rules, context) : RunVerdict.Unknown;
        }

        // Without only, the default [branches, tags] applies, unless workflow:rules exist.
        var onlyMatch = only is not null ? Policy(only, context, isOnly: true)
            : _workflowRules is null ? Refs(new[] { "branches", "tags" }, context)
            : Outcome.Always;
        var included = onlyMatch.And((except is null ? Outcome.Never : Policy(except, context, isOnly: false)).Not());
        return included.CanBeTrue switch
        {
            Certainty.Yes => RunVerdict.Runs,
            Certainty.No => RunVerdict.DoesNotRun,
            _ => RunVerdict.Unknown,
        };
    }

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
            match = match.And(changes.IsReference || context.FilesCorrelated ? Outcome.Unknown : Outcome.Chosen);
        }

        if (rule.Get("exists") is { } exists and not YamlScalar { IsNull: true })
        {
            // exists:project looks into another project, which the pusher does not control.
            match = match.And(exists.IsReference || context.FilesCorrelated || (exists as YamlMapping)?.Get("project") is not null ? Outcome.Unknown : Outcome.Chosen);
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
            // Entry::Policy: an array of refs or a hash; a plain string is rejected.
            case YamlSequence { IsReference: false }:
                return Refs(node, context);
            case YamlMapping { IsReference: false } mapping:
                var outcome = isOnly ? Outcome.Always : Outcome.Never;
                foreach (var clause in mapping.Entries)
                {
                    var clauseOutcome = clause.Name switch
                    {
                        "refs" => Refs(clause.Value, context),
                        "variables" => Variables(clause.Value, context),
                        "changes" => context.FilesCorrelated ? Outcome.Unknown : Outcome.Chosen,
                        _ => Outcome.Unknown,
                    };
                    outcome = isOnly ? outcome.And(clauseOutcome) : outcome.Or(clauseOutcome);
                }

                // Entry::Policy#value deep-merges only: into DEFAULT_ONLY, so refs default to [branches, tags].
                if (isOnly && !mapping.ContainsKey("refs"))
                {
                    outcome = outcome.And(Refs(new[] { "branches", "tags" }, context));
                }

                return outcome;
            default:
                return Outcome.Unknown;
        }
    }

    private static Outcome Refs(YamlNode node, UntrustedPipeline context)
    {
        var patterns = new List<string>();
        if (node is not YamlSequence { IsReference: false } sequence)
        {
            return Outcome.Unknown;
        }

        foreach (var item in sequence.Items)
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

    /// <summary>
    /// Top-level keys (jobs, templates, <c>workflow</c>) written in files that an include under
    /// <c>rules:</c> brings in, directly or through their own includes: GitLab may leave them out.
    /// </summary>
    private static HashSet<string> NamesFromConditionalIncludes(PipelineConfig pipeline)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var conditional = new HashSet<string>(pipeline.Includes.Where(i => i.HasRules).SelectMany(i => i.Files), StringComparer.Ordinal);
        if (conditional.Count == 0)
        {
            return names;
        }

        // Includes written in a conditional file are conditional too.
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var include in pipeline.Includes.Where(i => conditional.Contains(i.Node.File.Path)))
            {
                foreach (var file in include.Files)
                {
                    grown |= conditional.Add(file);
                }
            }
        }

        foreach (var file in pipeline.Files.Where(f => conditional.Contains(f.Path)))
        {
            foreach (var entry in file.RootMapping?.WrittenEntries ?? ImmutableArray<YamlEntry>.Empty)
            {
                names.Add(entry.Name);
            }
        }

        return names;
    }
}

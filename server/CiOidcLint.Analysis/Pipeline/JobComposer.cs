using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// Turns the merged top level into jobs: <c>extends</c> (lib/gitlab/ci/config/extendable),
/// then <c>!reference</c> (config/yaml/tags), then <c>default:</c> inheritance (entry/job.rb).
/// </summary>
internal sealed class JobComposer
{
    private readonly YamlMapping _config;
    private readonly bool _hasUnfollowedIncludes;
    private readonly ProblemList _problems;
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlMapping> _extended = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<string>> _bases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _depth = new(StringComparer.Ordinal);
    private readonly HashSet<string> _incomplete = new(StringComparer.Ordinal);
    private readonly Dictionary<YamlNode, (YamlNode Node, int Height)> _resolved = new();
    private readonly HashSet<YamlNode> _resolving = new();
    private const string DefaultName = "default";

    private readonly MergeBudget _budget;

    public JobComposer(YamlMapping config, bool hasUnfollowedIncludes, ProblemList problems, MergeBudget budget)
    {
        _budget = budget;
        _config = config;
        _hasUnfollowedIncludes = hasUnfollowedIncludes;
        _problems = problems;
    }

    public PipelineConfig Compose(SyntaxFile root, ImmutableArray<SyntaxFile> files, ImmutableArray<Include> includes)
    {
        foreach (var entry in _config.Entries)
        {
            if (GitLabKeywords.TopLevel.Contains(entry.Name) || entry.Key is not YamlScalar)
            {
                continue;
            }

            // A hidden key may hold anything (anchors live there); a job is a mapping.
            if (entry.Value is YamlMapping)
            {
                _jobs[entry.Name] = new Job(entry.Name, entry);
            }
        }

        foreach (var job in _jobs.Values)
        {
            Extend(job.Name, ImmutableStack<string>.Empty, job.Name);
        }

        var @default = ComposeDefault();
        foreach (var job in _jobs.Values)
        {
            var extended = _extended[job.Name];

            // Memoized per job: a shared template must still mark each job that uses it incomplete.
            _resolved.Clear();
            var resolved = (YamlMapping)Resolve(extended, job.Name).Node;
            job.Bases = _bases[job.Name];
            job.IsIncomplete = _incomplete.Contains(job.Name);
            job.Effective = job.IsHidden || resolved.ContainsKey("trigger") ? resolved : ApplyDefault(resolved, @default, job);

            // What default: takes from an include that was not read leaves its jobs incomplete too.
            if (_incomplete.Contains(DefaultName) && !job.FromDefault.IsEmpty)
            {
                job.IsIncomplete = true;
            }
        }

        if (_budget.IsExhausted)
        {
            _problems.Add(new SourceLocation(root, new Microsoft.CodeAnalysis.Text.TextSpan(0, 0)), "the configuration merges more than this linter reads (nested aliases merged into each other); later values were taken without merging");
        }

        return new PipelineConfig(root, files, includes, _problems.ToImmutable(), _config, @default, _jobs.Values.ToImmutableArray());
    }

    private YamlMapping Extend(string name, ImmutableStack<string> chain, string forJob)
    {
        if (_extended.TryGetValue(name, out var done))
        {
            return done;
        }

        var job = _jobs[name];
        var own = (YamlMapping)job.Declaration.Value;
        var extendsValue = own.Get("extends");
        if (extendsValue is null or YamlScalar { IsNull: true })
        {
            _bases[name] = ImmutableArray<string>.Empty;
            _depth[name] = 0;
            return _extended[name] = own;
        }

        var names = extendsValue switch
        {
            YamlScalar s => new[] { s },
            YamlSequence seq => seq.Items.OfType<YamlScalar>().ToArray(),
            _ => Array.Empty<YamlScalar>(),
        };

        YamlMapping? merged = null;
        var bases = new List<string>();
        var depth = 0;
        chain = chain.Push(name);
        foreach (var baseName in names)
        {
            var target = baseName.Value;
            if (!_jobs.ContainsKey(target))
            {
                if (_hasUnfollowedIncludes)
                {
                    _incomplete.Add(name);
                }
                else
                {
                    _problems.Add(baseName.Location, $"'{name}' extends '{target}', which is not defined in the pipeline", forJob);
                }

                continue;
            }

            if (chain.Contains(target))
            {
                var cycle = string.Join(" → ", chain.Reverse().SkipWhile(n => n != target).Concat(new[] { target }));
                _problems.Add(baseName.Location, $"'extends' forms a cycle: {cycle}", forJob);
                continue;
            }

            var extendedBase = Extend(target, chain, forJob);
            var targetDepth = _depth.TryGetValue(target, out var d) ? d : 0;
            depth = Math.Max(depth, targetDepth + 1);

            // Reported once, where the chain first grows past the limit (entry/extendable.rb: nesting too deep).
            // GitLab fails an entry that extends while it has more than 10 ancestors: 11 steps pass, 12 do not.
            if (targetDepth + 1 > PipelineBuilder.MaxNesting + 1 && targetDepth <= PipelineBuilder.MaxNesting + 1)
            {
                _problems.Add(baseName.Location, $"'extends' nests deeper than GitLab allows (11 levels): '{name}' is {targetDepth + 1} levels above its last base", forJob);
            }

            if (_incomplete.Contains(target))
            {
                _incomplete.Add(name);
            }

            merged = merged is null ? extendedBase : YamlMerge.Merge(merged, extendedBase, _budget);
            bases.Add(target);
            bases.AddRange(_bases.TryGetValue(target, out var further) ? further : ImmutableArray<string>.Empty);
        }

        var result = merged is null ? own : YamlMerge.Merge(merged, own, _budget);

        _extended[name] = result;
        _bases[name] = bases.Distinct(StringComparer.Ordinal).ToImmutableArray();
        _depth[name] = depth;
        return result;
    }

    /// <summary>
    /// Replaces every <c>!reference</c> below <paramref name="node"/>; unchanged subtrees stay
    /// shared. Results are memoized per node with the reference nesting below them, so a file
    /// whose references fan out costs time in its distinct nodes, not in their paths.
    /// </summary>
    private (YamlNode Node, int Height) Resolve(YamlNode node, string forJob)
    {
        if (_resolved.TryGetValue(node, out var known))
        {
            return known;
        }

        _resolving.Add(node);
        (YamlNode Node, int Height) result;
        switch (node)
        {
            case YamlSequence { IsReference: true } reference:
                result = ResolveReference(reference, forJob);
                break;
            case { IsReference: true }:
                // GitLab's loader accepts the tag on a sequence only: "!reference .setup.script" is an error.
                _problems.Add(node.Location, "a !reference takes a list of names: a job or template, then keys", forJob);
                result = (node, 0);
                break;
            case YamlMapping mapping:
                {
                    var entries = ImmutableArray.CreateBuilder<YamlEntry>(mapping.Count);
                    var changed = false;
                    var height = 0;
                    foreach (var entry in mapping.Entries)
                    {
                        var (value, h) = Resolve(entry.Value, forJob);
                        height = Math.Max(height, h);
                        changed |= !ReferenceEquals(value, entry.Value);
                        entries.Add(ReferenceEquals(value, entry.Value) ? entry : new YamlEntry(entry.Key, value));
                    }

                    result = (changed ? YamlMapping.Compose(mapping, entries.MoveToImmutable()) : mapping, height);
                    break;
                }

            case YamlSequence sequence:
                {
                    var items = ImmutableArray.CreateBuilder<YamlNode>(sequence.Items.Length);
                    var changed = false;
                    var height = 0;
                    foreach (var item in sequence.Items)
                    {
                        var (value, h) = Resolve(item, forJob);
                        height = Math.Max(height, h);
                        changed |= !ReferenceEquals(value, item);
                        items.Add(value);
                    }

                    result = (changed ? YamlSequence.Compose(sequence, items.MoveToImmutable()) : sequence, height);
                    break;
                }

            default:
                result = (node, 0);
                break;
        }

        _resolving.Remove(node);
        _resolved[node] = result;
        return result;
    }

    private (YamlNode Node, int Height) ResolveReference(YamlSequence reference, string forJob)
    {
        var path = reference.Items.Select(i => (i as YamlScalar)?.Value).ToList();
        var shown = "!reference [" + string.Join(", ", path.Select(p => p ?? "?")) + "]";
        if (path.Count == 0 || path.Any(p => p is null))
        {
            _problems.Add(reference.Location, "a !reference takes a list of names: a job or template, then keys", forJob);
            return (reference, 0);
        }

        YamlNode? current = _extended.TryGetValue(path[0]!, out var extended) ? extended : _config.Get(path[0]!);
        for (var i = 1; i < path.Count && current is not null; i++)
        {
            current = (current as YamlMapping)?.Get(path[i]!);
        }

        if (current is null)
        {
            if (_hasUnfollowedIncludes)
            {
                _incomplete.Add(forJob);
            }
            else
            {
                _problems.Add(reference.Location, $"{shown} refers to nothing in the pipeline", forJob);
            }

            return (reference, 0);
        }

        if (_resolving.Contains(current))
        {
            _problems.Add(reference.Location, $"{shown} refers back to itself, nesting references deeper than GitLab's limit of {PipelineBuilder.MaxNesting}", forJob);
            return (reference, 0);
        }

        var (resolved, height) = Resolve(current, forJob);
        if (height + 1 > PipelineBuilder.MaxNesting)
        {
            _problems.Add(reference.Location, $"{shown} nests references deeper than GitLab's limit of {PipelineBuilder.MaxNesting}", forJob);
            return (reference, 0);
        }

        return (resolved, height + 1);
    }

    private YamlMapping? ComposeDefault()
    {
        var written = _config.Get("default") as YamlMapping;
        var entries = new List<YamlEntry>(written?.Entries ?? ImmutableArray<YamlEntry>.Empty);
        foreach (var key in GitLabKeywords.GlobalDefaultKeys)
        {
            if (written?.ContainsKey(key) != true && _config.GetEntry(key) is { } global)
            {
                entries.Add(global);
            }
        }

        if (written is null && entries.Count == 0)
        {
            return null;
        }

        var origin = (YamlNode?)written ?? entries[0].Value;
        var composed = YamlMapping.Compose(origin, entries.ToImmutableArray());
        _resolved.Clear();
        return (YamlMapping)Resolve(composed, DefaultName).Node;
    }

    private static YamlMapping ApplyDefault(YamlMapping job, YamlMapping? @default, Job target)
    {
        if (@default is null)
        {
            return job;
        }

        var inherit = (job.Get("inherit") as YamlMapping)?.Get("default");
        var allowed = inherit switch
        {
            YamlScalar scalar when PlainScalarTypes.IsFalse(scalar) => new HashSet<string>(StringComparer.Ordinal),
            YamlSequence list => new HashSet<string>(list.Items.OfType<YamlScalar>().Select(s => s.Value), StringComparer.Ordinal),
            _ => new HashSet<string>(GitLabKeywords.DefaultKeys, StringComparer.Ordinal),
        };

        var added = new List<YamlEntry>();
        foreach (var key in GitLabKeywords.DefaultKeys)
        {
            if (!allowed.Contains(key) || job.Get(key) is { } own && own is not YamlScalar { IsNull: true })
            {
                continue;
            }

            if (@default.GetEntry(key) is { Value: not YamlScalar { IsNull: true } } inherited)
            {
                added.Add(inherited);
            }
        }

        if (added.Count == 0)
        {
            return job;
        }

        target.FromDefault = added.Select(e => e.Name).ToImmutableHashSet(StringComparer.Ordinal);
        var entries = job.Entries.Where(e => !target.FromDefault.Contains(e.Name)).Concat(added).ToImmutableArray();
        return YamlMapping.Compose(job, entries);
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// GitLab's <c>deep_merge</c> (ActiveSupport's Hash#deep_merge), as used for <c>include</c> and
/// <c>extends</c>: mappings merge key by key, everything else (lists included) is replaced, and
/// a key keeps the position it first had.
/// </summary>
public static class YamlMerge
{
    public static YamlNode DeepMerge(YamlNode? under, YamlNode over, MergeBudget? budget = null)
        => under is YamlMapping u && over is YamlMapping o ? Merge(u, o, budget) : over;

    public static YamlMapping Merge(YamlMapping under, YamlMapping over, MergeBudget? budget = null)
    {
        // The same node on both sides (an alias, a shared template) merges to itself.
        if (under.Count == 0 || ReferenceEquals(under, over))
        {
            return over;
        }

        // Past the budget (nested aliases merged into nested aliases) the later value simply wins.
        if (budget is not null && !budget.Spend(under.Count + over.Count))
        {
            return over;
        }

        var entries = new List<YamlEntry>(under.Entries);
        var positions = new KeyPositions(entries);
        foreach (var entry in over.Entries)
        {
            if (positions.TryGetLast(entry.Name, out var at))
            {
                entries[at] = new YamlEntry(entry.Key, DeepMerge(entries[at].Value, entry.Value, budget));
            }
            else
            {
                entries.Add(entry);
                positions.Added();
            }
        }

        return YamlMapping.Compose(over, entries.ToImmutableArray());
    }

    /// <summary>The mapping without the named keys (shares everything else).</summary>
    public static YamlMapping Without(YamlMapping mapping, params string[] keys)
    {
        var removed = false;
        var entries = ImmutableArray.CreateBuilder<YamlEntry>(mapping.Count);
        foreach (var entry in mapping.Entries)
        {
            if (System.Array.IndexOf(keys, entry.Name) >= 0)
            {
                removed = true;
                continue;
            }

            entries.Add(entry);
        }

        return removed ? YamlMapping.Compose(mapping, entries.ToImmutable()) : mapping;
    }
}

/// <summary>A bound on merge work for one pipeline, so adversarial aliases cannot make composing exponential.</summary>
public sealed class MergeBudget
{
    private long _remaining;

    public MergeBudget(long entries = 2_000_000)
    {
        _remaining = entries;
    }

    public bool IsExhausted => _remaining < 0;

    public bool Spend(int entries)
    {
        _remaining -= entries;
        return _remaining >= 0;
    }
}

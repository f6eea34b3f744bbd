using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Fixes;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Engine;

/// <summary>
/// The findings of several pipelines, each problem once. A file that two pipelines include is
/// analysed in both, and a problem in it is found once per pipeline, each naming its own jobs;
/// reported as it is, the editor would underline it twice and the merge request list it twice.
/// Merged, it names every job it reaches (as one pipeline already does for a shared template)
/// and keeps only the fixes all the pipelines agree on.
/// </summary>
public static class FindingMerge
{
    public static ImmutableArray<Finding> AcrossPipelines(IEnumerable<Finding> findings)
        => AcrossPipelines(findings, f => f, (_, _, merged) => merged);

    /// <summary>
    /// The same, for findings carried with something of their pipeline: <paramref name="withFinding"/>
    /// gets the first item of a merged group, the whole group, and the merged finding.
    /// </summary>
    public static ImmutableArray<T> AcrossPipelines<T>(IEnumerable<T> items, Func<T, Finding> findingOf, Func<T, IReadOnlyList<T>, Finding, T> withFinding)
    {
        var groups = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        var order = new List<List<T>>();
        foreach (var item in items)
        {
            var key = Key(findingOf(item));
            if (!groups.TryGetValue(key, out var group))
            {
                group = new List<T>();
                groups[key] = group;
                order.Add(group);
            }

            group.Add(item);
        }

        var result = ImmutableArray.CreateBuilder<T>(order.Count);
        foreach (var group in order)
        {
            var first = group[0];
            var finding = findingOf(first);
            result.Add(group.Count == 1 || finding.MessageArgs.IsDefault ? first : withFinding(first, group, Merge(group.Select(findingOf).ToList())));
        }

        return result.ToImmutable();
    }

    private static string Key(Finding finding)
    {
        var span = finding.Location.Span;
        var what = finding.MessageArgs.IsDefault
            ? finding.Message
            : string.Join("\u0001", finding.MessageArgs.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)));
        return string.Join("\u0002", finding.Id, finding.Path, span.Start, span.Length, what);
    }

    private static Finding Merge(List<Finding> group)
    {
        var first = group[0];
        var reach = group.SelectMany(f => f.Reach).Distinct().ToImmutableArray();
        var fixes = first.Fixes
            .Where(fix => group.Skip(1).All(other => other.Fixes.Any(f => FixComparer.Instance.Equals(fix, f))))
            .ToImmutableArray();
        var diagnostic = Diagnostic.Create(
            first.Diagnostic.Descriptor,
            first.Diagnostic.Location,
            first.Diagnostic.Severity,
            additionalLocations: null,
            properties: null,
            messageArgs: first.MessageArgs.Append(FindingReach.Describe(reach)).ToArray());
        return first with { Diagnostic = diagnostic, Fixes = fixes, Jobs = FindingReach.JobsOf(reach), Reach = reach };
    }
}

using System;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Rules;

namespace CiOidcLint.Cli.Output;

/// <summary>The rule catalog by id, with each rule's position (SARIF's <c>ruleIndex</c>).</summary>
internal static class RuleLookup
{
    public static ImmutableArray<IRule> Rules => RuleCatalog.All;

    private static readonly ImmutableDictionary<string, int> IndexById = RuleCatalog.All
        .Select((rule, index) => (rule.Descriptor.Id, index))
        .ToImmutableDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);

    /// <summary>The rule's index in <see cref="Rules"/>, or -1 for an id the catalog does not list.</summary>
    public static int IndexOf(string id) => IndexById.TryGetValue(id, out var index) ? index : -1;

    public static IRule? Find(string id) => IndexOf(id) is var i and >= 0 ? Rules[i] : null;
}

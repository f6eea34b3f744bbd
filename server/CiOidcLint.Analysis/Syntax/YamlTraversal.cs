using System.Collections.Generic;

namespace CiOidcLint.Analysis.Syntax;

/// <summary>Walks over located YAML trees.</summary>
internal static class YamlTraversal
{
    /// <summary>The values of a key GitLab takes as a string or a list of strings (<c>tags</c>, <c>artifacts:paths</c>); nulls left out.</summary>
    internal static IEnumerable<string> ScalarValues(YamlNode? node) => node switch
    {
        YamlScalar { IsNull: false } scalar => new[] { scalar.Value },
        YamlSequence sequence => System.Linq.Enumerable.Select(System.Linq.Enumerable.Where(System.Linq.Enumerable.OfType<YamlScalar>(sequence.Items), s => !s.IsNull), s => s.Value),
        _ => System.Array.Empty<string>(),
    };

    /// <summary>Every scalar value below <paramref name="node"/>, each node once (aliases share nodes).</summary>
    internal static IEnumerable<YamlScalar> ValueScalars(YamlNode node)
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

    /// <summary>
    /// Every node written below <paramref name="root"/>, keys included, each once (aliases share
    /// nodes, so a file of nested aliases stays linear); what merge keys bring in is not repeated.
    /// </summary>
    internal static IEnumerable<YamlNode> Written(YamlNode root)
    {
        var seen = new HashSet<YamlNode>();
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            yield return current;
            switch (current)
            {
                case YamlMapping mapping:
                    for (var i = mapping.WrittenEntries.Length - 1; i >= 0; i--)
                    {
                        pending.Push(mapping.WrittenEntries[i].Value);
                        pending.Push(mapping.WrittenEntries[i].Key);
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

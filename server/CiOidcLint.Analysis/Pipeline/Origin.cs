using System;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// Where a piece of a job's effective configuration was written: the file, the 1-based line,
/// and the top-level entry that holds it there, which says how it reached the job (the job
/// itself, a template it <c>extends</c>, <c>default</c>, or the holder of a YAML anchor).
/// </summary>
public readonly record struct Origin(SyntaxFile File, int Line, string Holder)
{
    /// <summary>The origin of <paramref name="node"/>: the top-level entry of its file whose value holds it.</summary>
    public static Origin Of(YamlNode node)
    {
        var line = node.File.Text.Lines.GetLinePosition(node.Span.Start).Line + 1;
        return new Origin(node.File, line, HolderOf(node));
    }

    /// <summary>
    /// The name of the top-level entry of the node's file whose key or value holds it ("" when the
    /// node is outside every entry, as a composed mapping's own place can be).
    /// </summary>
    public static string HolderOf(YamlNode node)
    {
        if (node.File.RootMapping is not { } root)
        {
            return string.Empty;
        }

        // Entries are in file order, so a binary search finds the last one starting at or before the node.
        var entries = root.WrittenEntries;
        int low = 0, high = entries.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (entries[middle].Key.Span.Start <= node.Span.Start)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (found < 0)
        {
            return string.Empty;
        }

        var entry = entries[found];
        var end = Math.Max(entry.Key.Span.End, entry.Value.Span.End);
        return node.Span.Start <= end ? entry.Name : string.Empty;
    }

    /// <summary><c>path:line</c>, as a compiler prints a place.</summary>
    public string Place => $"{File.Path}:{Line}";
}

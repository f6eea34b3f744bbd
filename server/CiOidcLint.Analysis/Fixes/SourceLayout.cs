using System;
using System.Collections.Generic;
using System.Linq;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Fixes;

/// <summary>
/// What a fix needs to know about how a file is written, so that inserted text looks like the
/// user's own: the line break, the indentation unit, columns and line bounds.
/// </summary>
internal static class SourceLayout
{
    private const int DefaultIndentUnit = 2;

    /// <summary>The file's line break: CRLF files stay CRLF.</summary>
    public static string NewLine(SourceText text)
    {
        foreach (var line in text.Lines)
        {
            var breakLength = line.EndIncludingLineBreak - line.End;
            if (breakLength > 0)
            {
                return text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak));
            }
        }

        return "\n";
    }

    /// <summary>
    /// The indentation step the author uses between a key and the keys of its block mapping: the
    /// most common one, 2 when the file has no nesting to learn from.
    /// </summary>
    public static int IndentUnit(SyntaxFile file)
    {
        var unit = System.Threading.Volatile.Read(ref file.IndentUnit);
        if (unit == 0)
        {
            unit = ComputeIndentUnit(file);
            System.Threading.Volatile.Write(ref file.IndentUnit, unit);
        }

        return unit;
    }

    private static int ComputeIndentUnit(SyntaxFile file)
    {
        var steps = new Dictionary<int, int>();
        if (file.Root is { } root)
        {
            Collect(file.Text, root, steps);
        }

        return steps.Count == 0 ? DefaultIndentUnit : steps.OrderByDescending(s => s.Value).ThenBy(s => s.Key).First().Key;
    }

    private static void Collect(SourceText text, YamlNode root, Dictionary<int, int> steps)
    {
        foreach (var mapping in YamlTraversal.Written(root).OfType<YamlMapping>().Where(m => m is { IsFlow: false, IsSynthetic: false }))
        {
            foreach (var entry in mapping.WrittenEntries)
            {
                if (entry.Value is YamlMapping { IsFlow: false, IsSynthetic: false, WrittenEntries.Length: > 0 } child
                    && child.File == mapping.File
                    && IsFirstOnLine(text, entry.Key.Span.Start)
                    && IsFirstOnLine(text, child.WrittenEntries[0].Key.Span.Start))
                {
                    var step = Column(text, child.WrittenEntries[0].Key.Span.Start) - Column(text, entry.Key.Span.Start);
                    if (step > 0 && step <= 8)
                    {
                        steps[step] = steps.TryGetValue(step, out var count) ? count + 1 : 1;
                    }
                }
            }
        }
    }

    public static int Column(SourceText text, int position) => position - text.Lines.GetLineFromPosition(position).Start;

    public static TextLine Line(SourceText text, int position) => text.Lines.GetLineFromPosition(position);

    /// <summary>The whitespace that starts the line holding <paramref name="position"/>.</summary>
    public static string LeadingWhitespace(SourceText text, int position)
    {
        var line = Line(text, position);
        var end = line.Start;
        while (end < line.End && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text.ToString(TextSpan.FromBounds(line.Start, end));
    }

    /// <summary>Whether only spaces (or a sequence dash) come before <paramref name="position"/> on its line.</summary>
    public static bool IsFirstOnLine(SourceText text, int position)
    {
        var line = Line(text, position);
        for (var i = line.Start; i < position; i++)
        {
            if (text[i] is not (' ' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Where the block sequence item holding <paramref name="node"/> starts: the position of its
    /// <c>-</c>, or null when the node is not the first thing after a dash (a flow item, a mapping value).
    /// </summary>
    public static int? SequenceDash(SourceText text, YamlNode node)
    {
        var i = node.Span.Start - 1;
        var lineStart = Line(text, node.Span.Start).Start;
        while (i >= lineStart && text[i] is ' ' or '\t')
        {
            i--;
        }

        if (i < lineStart || text[i] != '-')
        {
            return null;
        }

        // The dash must itself be the line's first item marker (or follow another one: "- - x").
        for (var j = lineStart; j < i; j++)
        {
            if (text[j] is not (' ' or '-'))
            {
                return null;
            }
        }

        return i;
    }

    /// <summary>The end of the line holding <paramref name="position"/>, before its line break (after any comment).</summary>
    public static int LineEnd(SourceText text, int position) => Line(text, position).End;

    /// <summary>The last position that still belongs to the node's text: block scalars end at the next line's start.</summary>
    public static int ContentEnd(SourceText text, YamlNode node)
    {
        var end = node.Span.End;
        if (end > node.Span.Start && end <= text.Length && Column(text, end) == 0 && end > 0)
        {
            return Line(text, end - 1).End;
        }

        return end;
    }

    /// <summary>Whether only blanks come before <paramref name="offset"/> on its line of <paramref name="value"/>.</summary>
    public static bool StartsLine(string value, int offset)
    {
        var i = offset - 1;
        while (i >= 0 && value[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || value[i] == '\n';
    }

    public static string Spaces(int count) => new(' ', Math.Max(0, count));
}

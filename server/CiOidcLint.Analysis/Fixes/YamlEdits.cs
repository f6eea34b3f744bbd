using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Fixes;

/// <summary>A line of YAML to insert, <see cref="Depth"/> indentation units below the place it goes.</summary>
internal readonly record struct SnippetLine(int Depth, string Text);

/// <summary>
/// Text edits of YAML mappings that keep everything around them byte-for-byte: entries are
/// inserted before a mapping's first key (never after a block scalar, whose end is fragile), in the
/// file's indentation unit and line break.
/// </summary>
internal static class YamlEdits
{
    /// <summary>The top-level entry (job, template, <c>default:</c>) whose value holds <paramref name="position"/>.</summary>
    public static YamlEntry? HolderOf(SyntaxFile file, int position)
        => file.RootMapping?.WrittenEntries.FirstOrDefault(e => e.Value is YamlMapping { IsFlow: false } && e.Value.File == file && e.Value.Span.Contains(position));

    /// <summary>
    /// Inserts lines as the first entry of a block mapping, or null when the mapping is not a
    /// block mapping written in <paramref name="file"/> with a key to insert before.
    /// </summary>
    public static TextChange? InsertFirst(SyntaxFile file, YamlMapping mapping, IReadOnlyList<SnippetLine> lines)
    {
        if (mapping.IsFlow || mapping.IsSynthetic || mapping.File != file || mapping.WrittenEntries.Length == 0)
        {
            return null;
        }

        var text = file.Text;
        var first = mapping.WrittenEntries[0].Key.Span.Start;
        var column = SourceLayout.Column(text, first);
        return new TextChange(new TextSpan(first, 0), Render(file, lines, column, firstIndented: false) + SourceLayout.NewLine(text) + SourceLayout.Spaces(column));
    }

    /// <summary>
    /// Gives an entry whose value is empty (<c>KEY:</c> with nothing after it) a block mapping
    /// value, indented one unit below the key.
    /// </summary>
    public static TextChange? FillEmptyValue(SyntaxFile file, YamlEntry entry, IReadOnlyList<SnippetLine> lines)
    {
        if (entry.Value is not YamlScalar { IsNull: true, Value: "" } || entry.Key.File != file)
        {
            return null;
        }

        var text = file.Text;
        var keyColumn = SourceLayout.Column(text, entry.Key.Span.Start);
        var unit = SourceLayout.IndentUnit(file);
        var end = SourceLayout.LineEnd(text, entry.Key.Span.End);
        return new TextChange(new TextSpan(end, 0), SourceLayout.NewLine(text) + Render(file, lines, keyColumn + unit, firstIndented: true));
    }

    /// <summary>Lines joined by the file's line break, each indented <c>column + depth × unit</c>.</summary>
    public static string Render(SyntaxFile file, IReadOnlyList<SnippetLine> lines, int column, bool firstIndented)
    {
        var unit = SourceLayout.IndentUnit(file);
        var newLine = SourceLayout.NewLine(file.Text);
        var builder = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(newLine);
            }

            if (i > 0 || firstIndented)
            {
                builder.Append(SourceLayout.Spaces(column + (lines[i].Depth * unit)));
            }
            else
            {
                builder.Append(SourceLayout.Spaces(lines[i].Depth * unit));
            }

            builder.Append(lines[i].Text);
        }

        return builder.ToString();
    }

    /// <summary>
    /// An entry as the lines that write it, re-indented to start at depth <paramref name="depth"/>:
    /// how inherited tokens are copied into a job. Null when the entry does not sit on lines of its own.
    /// </summary>
    public static IReadOnlyList<SnippetLine>? Copy(YamlEntry entry, int depth, SyntaxFile target)
    {
        var file = entry.Key.File;
        var text = file.Text;
        if (!SourceLayout.IsFirstOnLine(text, entry.Key.Span.Start) || entry.Value.File != file)
        {
            return null;
        }

        var keyColumn = SourceLayout.Column(text, entry.Key.Span.Start);
        var firstLine = text.Lines.GetLineFromPosition(entry.Key.Span.Start).LineNumber;
        var lastLine = text.Lines.GetLineFromPosition(SourceLayout.ContentEnd(text, entry.Value)).LineNumber;
        var sourceUnit = SourceLayout.IndentUnit(file);
        var targetUnit = SourceLayout.IndentUnit(target);
        var lines = new List<SnippetLine>();
        for (var n = firstLine; n <= lastLine; n++)
        {
            var line = text.Lines[n];
            var content = n == firstLine ? text.ToString(TextSpan.FromBounds(entry.Key.Span.Start, line.End)) : text.ToString(line.Span);
            if (n > firstLine && content.Trim().Length == 0)
            {
                continue;
            }

            var indent = n == firstLine ? keyColumn : content.Length - content.TrimStart(' ').Length;
            if (n > firstLine && indent <= keyColumn)
            {
                return null;
            }

            // Whole units keep their depth; the target's own unit then sets the spacing.
            var relative = indent - keyColumn;
            if (relative % sourceUnit != 0)
            {
                return null;
            }

            lines.Add(new SnippetLine(depth + (relative / sourceUnit), content.TrimStart(' ')));
        }

        return targetUnit > 0 ? lines : null;
    }

    /// <summary>
    /// Removes an entry and the lines it occupies, when it sits on lines of its own (a block
    /// mapping entry that nothing else shares a line with).
    /// </summary>
    public static TextChange? DeleteLines(YamlEntry entry)
    {
        var file = entry.Key.File;
        var text = file.Text;

        // A value that is an alias (*a) is the anchored node, written elsewhere: not these lines.
        if (entry.Value.File != file || entry.Value.Span.Start < entry.Key.Span.End || !IsAloneOnItsLines(text, entry))
        {
            return null;
        }

        var start = text.Lines.GetLineFromPosition(entry.Key.Span.Start);
        var end = text.Lines.GetLineFromPosition(SourceLayout.ContentEnd(text, entry.Value));
        return new TextChange(TextSpan.FromBounds(start.Start, end.EndIncludingLineBreak), string.Empty);
    }

    private static bool IsAloneOnItsLines(SourceText text, YamlEntry entry)
    {
        var line = text.Lines.GetLineFromPosition(entry.Key.Span.Start);
        for (var i = line.Start; i < entry.Key.Span.Start; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }

        // After the value only a comment may follow on its last line.
        var end = SourceLayout.ContentEnd(text, entry.Value);
        var last = text.Lines.GetLineFromPosition(end);
        var rest = text.ToString(TextSpan.FromBounds(Math.Min(end, last.End), last.End)).Trim();
        return rest.Length == 0 || rest.StartsWith("#", StringComparison.Ordinal);
    }

    /// <summary>The <c>:</c> after a key, or -1.</summary>
    public static int ColonAfter(SourceText text, YamlNode key)
    {
        var i = key.Span.End;
        while (i < text.Length && text[i] is ' ' or '\t' or '"' or '\'')
        {
            i++;
        }

        return i < text.Length && text[i] == ':' ? i : -1;
    }
}

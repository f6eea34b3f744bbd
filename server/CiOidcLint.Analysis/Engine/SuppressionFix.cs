using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CiOidcLint.Analysis.Configuration;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis.Text;
using CiOidcLint.Analysis.Fixes;

namespace CiOidcLint.Analysis.Engine;

/// <summary>
/// "Ignore CIOLxxx on this line": writes <c># cioidclint: ignore[CIOLxxx]</c> where the rule
/// catalog says a suppression comment works, for every front door (the editor's action, the CLI).
/// <list type="bullet">
/// <item>At the end of the finding's line, when that line ends outside any scalar.</item>
/// <item>When the line ends inside a scalar that goes on (a <c>|</c> or <c>&gt;</c> block, whose
/// <c>#</c> is script text, or a multi-line quoted or plain scalar): alone on the line above the
/// sequence item or key that holds the scalar, with that line's indentation.</item>
/// <item>When the line already ends in another comment: on the line above, leaving it alone.</item>
/// <item>Where a suppression comment already is (at the end of the line, or alone on the line
/// above), the id joins its list.</item>
/// </list>
/// </summary>
public static class SuppressionFix
{
    public const string Marker = "cioidclint: ignore";

    public static string Title(string id) => $"Ignore {id} on this line";

    /// <summary>The fix, or null when the id is already listed where the comment would go.</summary>
    public static CodeFix? Create(Finding finding)
    {
        var file = finding.Location.File;
        var text = file.Text;
        var line = text.Lines.GetLineFromPosition(Math.Min(finding.Location.Span.Start, text.Length));
        var scalars = new List<(YamlScalar Scalar, int Holder)>();
        if (file.Root is { } root)
        {
            Collect(root, root.Span.Start, TextSpan.FromBounds(line.Start, line.EndIncludingLineBreak), scalars, new HashSet<YamlNode>());
        }

        // The line's end lies inside a scalar that goes on past it, or the line is inside a block
        // scalar (its last line included): a comment there would be part of the scalar.
        var holder = -1;
        foreach (var (scalar, holderStart) in scalars)
        {
            var goesOn = scalar.Span.Start < line.End && scalar.Span.End > line.End;
            var inBlock = scalar.IsBlock && scalar.Span.Start < line.Start && scalar.Span.End > line.Start;
            if (goesOn || inBlock)
            {
                holder = holder < 0 ? holderStart : Math.Min(holder, holderStart);
            }
        }

        TextChange? change;
        if (holder >= 0)
        {
            change = Above(text, text.Lines.GetLineFromPosition(holder), finding.Id);
        }
        else
        {
            var comment = CommentStart(text, line, scalars);
            if (comment < 0)
            {
                var content = text.ToString(line.Span).TrimEnd();
                change = new TextChange(new TextSpan(line.Start + content.Length, 0), $"  # {Marker}[{finding.Id}]");
            }
            else if (AddToList(text, TextSpan.FromBounds(comment, line.End), finding.Id, out var added))
            {
                change = added;
            }
            else
            {
                change = Above(text, line, finding.Id);
            }
        }

        return change is { } c
            ? new CodeFix(Title(finding.Id), IsPreferred: false, ImmutableArray.Create(new DocumentChange(file.Path, ImmutableArray.Create(c))))
            : null;
    }

    /// <summary>A comment line above <paramref name="line"/>, or the id added to the suppression comment already there.</summary>
    private static TextChange? Above(SourceText text, TextLine line, string id)
    {
        if (line.LineNumber > 0)
        {
            var previous = text.Lines[line.LineNumber - 1];
            var previousText = text.ToString(previous.Span);
            var trimmed = previousText.TrimStart();
            if (Suppressions.MatchComment(trimmed) is not null)
            {
                var start = previous.Start + previousText.Length - trimmed.Length;
                return AddToList(text, TextSpan.FromBounds(start, previous.End), id, out var added) ? added : null;
            }
        }

        var lineText = text.ToString(line.Span);
        var indent = lineText.Substring(0, lineText.Length - lineText.TrimStart().Length);
        var newline = line.EndIncludingLineBreak - line.End == 2 ? "\r\n" : "\n";
        return new TextChange(new TextSpan(line.Start, 0), $"{indent}# {Marker}[{id}]{newline}");
    }

    /// <summary>
    /// True when <paramref name="comment"/> is a suppression comment: <paramref name="change"/>
    /// then adds the id to its list, or is null when the id is listed already.
    /// </summary>
    private static bool AddToList(SourceText text, TextSpan comment, string id, out TextChange? change)
    {
        change = null;
        if (Suppressions.MatchComment(text.ToString(comment)) is not { } match)
        {
            return false;
        }

        var list = match.Groups["ids"];
        foreach (var listed in list.Value.Split(','))
        {
            if (string.Equals(listed.Trim(), id, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var separator = list.Value.Trim().Length == 0 ? string.Empty : ", ";
        change = new TextChange(new TextSpan(comment.Start + list.Index + list.Length, 0), separator + id);
        return true;
    }

    /// <summary>Where the line's YAML comment starts (a <c>#</c> after blank space, outside every scalar), or -1.</summary>
    private static int CommentStart(SourceText text, TextLine line, List<(YamlScalar Scalar, int Holder)> scalars)
    {
        for (var i = line.Start; i < line.End; i++)
        {
            if (text[i] != '#' || (i > line.Start && text[i - 1] is not (' ' or '\t')))
            {
                continue;
            }

            var inside = false;
            foreach (var (scalar, _) in scalars)
            {
                if (scalar.Span.Start <= i && i < scalar.Span.End)
                {
                    inside = true;
                    break;
                }
            }

            if (!inside)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Scalars of the file that overlap <paramref name="range"/>, each with the start of what holds
    /// it: the key of its entry, or the item itself in a sequence. Only nodes written in this file
    /// and overlapping the range are visited, so an alias is never followed into a loop.
    /// </summary>
    private static void Collect(YamlNode node, int holder, TextSpan range, List<(YamlScalar, int)> into, HashSet<YamlNode> visited)
    {
        if (!visited.Add(node) || node.Span.Start > range.End || node.Span.End < range.Start)
        {
            return;
        }

        switch (node)
        {
            case YamlScalar scalar:
                into.Add((scalar, holder));
                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.WrittenEntries)
                {
                    if (entry.Key.File == node.File)
                    {
                        Collect(entry.Key, entry.Key.Span.Start, range, into, visited);
                        Collect(entry.Value, entry.Key.Span.Start, range, into, visited);
                    }
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item.File == node.File)
                    {
                        Collect(item, item.Span.Start, range, into, visited);
                    }
                }

                break;
        }
    }
}

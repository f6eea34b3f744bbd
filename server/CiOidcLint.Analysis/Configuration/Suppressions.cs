using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Configuration;

/// <summary>
/// The <c># cioidclint: ignore[CIOL004, CIOL011] -- reason</c> comments of one file. One applies
/// to a finding when it ends the finding's first line or stands alone on the line above. A
/// <c>#</c> inside a block scalar is script, not a YAML comment, so a finding inside a block is
/// also silenced by a comment on the line that opens the block (after <c>- |</c>) or alone above it.
/// </summary>
public sealed class Suppressions
{
    private const string Marker = "cioidclint:";

    private static readonly Regex Comment = new(
        @"(?<=^|[ \t])#[ \t]*cioidclint:[ \t]*ignore\[(?<ids>[^\]\r\n]*)\](?:[ \t]*--[^\r\n]*)?[ \t]*\r?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private readonly SyntaxFile _file;
    private readonly Dictionary<int, Entry> _byLine;
    private readonly ImmutableArray<TextSpan> _blocks;

    private Suppressions(SyntaxFile file, Dictionary<int, Entry> byLine, ImmutableArray<TextSpan> blocks)
    {
        _file = file;
        _byLine = byLine;
        _blocks = blocks;
    }

    /// <summary>
    /// The suppression comment that <paramref name="comment"/> (a comment's text, from its
    /// <c>#</c> to the end of its line) is, or null. The one reading of the syntax: the
    /// "Ignore on this line" fix uses it to extend a comment, so it never extends one that
    /// would not be honoured.
    /// </summary>
    internal static Match? MatchComment(string comment)
        => Comment.Match(comment) is { Success: true, Index: 0 } match ? match : null;

    /// <summary>The suppression comments of <paramref name="file"/>; cheap when it has none.</summary>
    public static Suppressions Read(SyntaxFile file)
    {
        // In windows of the text rather than over ToString(), which would copy a big file into
        // the large object heap on every analysis, and rather than line by line, which costs a
        // copy per line; only lines that name the marker are looked at further.
        var text = file.Text;
        var candidates = new List<TextLine>();
        var buffer = new char[Math.Min(text.Length, 8192)];
        var overlap = Marker.Length - 1;
        for (var start = 0; start < text.Length; start += buffer.Length - overlap)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var window = buffer.AsSpan(0, count);
            for (var at = window.IndexOf(Marker.AsSpan(), StringComparison.Ordinal); at >= 0;)
            {
                var line = text.Lines.GetLineFromPosition(start + at);
                if (candidates.Count == 0 || candidates[candidates.Count - 1].LineNumber != line.LineNumber)
                {
                    candidates.Add(line);
                }

                var next = window.Slice(at + 1).IndexOf(Marker.AsSpan(), StringComparison.Ordinal);
                at = next < 0 ? -1 : at + 1 + next;
            }

            if (start + count >= text.Length)
            {
                break;
            }
        }

        var byLine = new Dictionary<int, Entry>();
        if (candidates.Count == 0)
        {
            return new Suppressions(file, byLine, ImmutableArray<TextSpan>.Empty);
        }

        var scalars = new List<TextSpan>();
        var blocks = new List<TextSpan>();
        if (file.Root is { } root)
        {
            CollectScalars(text, root, scalars, blocks);
        }

        if (file.Header is { } header)
        {
            CollectScalars(text, header, scalars, blocks);
        }

        foreach (var line in candidates)
        {
            var lineText = text.ToString(line.Span);
            foreach (Match match in Comment.Matches(lineText))
            {
                // Inside a quoted or block scalar this is text, not a comment.
                var at = line.Start + match.Index;
                if (scalars.Any(s => s.Contains(at)))
                {
                    continue;
                }

                var alone = lineText.Substring(0, match.Index).Trim().Length == 0;
                var ids = match.Groups["ids"].Value.Split(',').Select(i => i.Trim()).Where(i => i.Length > 0).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
                byLine[line.LineNumber] = new Entry(ids, alone);
            }
        }

        return new Suppressions(file, byLine, blocks.OrderBy(b => b.Start).ToImmutableArray());
    }

    /// <summary>Whether a finding of <paramref name="id"/> at <paramref name="span"/> is silenced.</summary>
    public bool IsSuppressed(string id, TextSpan span)
    {
        if (_byLine.Count == 0)
        {
            return false;
        }

        var line = _file.Text.Lines.GetLineFromPosition(Math.Min(span.Start, _file.Text.Length)).LineNumber;
        if (Silences(line, id, trailing: true) || Silences(line - 1, id, trailing: false))
        {
            return true;
        }

        foreach (var block in _blocks)
        {
            if (block.Start > span.Start)
            {
                break;
            }

            if (block.Contains(span.Start))
            {
                var opening = _file.Text.Lines.GetLineFromPosition(block.Start).LineNumber;
                if (opening != line && (Silences(opening, id, trailing: true) || Silences(opening - 1, id, trailing: false)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Silences(int line, string id, bool trailing)
        => _byLine.TryGetValue(line, out var entry) && (trailing || entry.IsAlone) && entry.Ids.Contains(id);

    private static void CollectScalars(SourceText text, YamlNode root, List<TextSpan> scalars, List<TextSpan> blocks)
    {
        foreach (var scalar in YamlTraversal.Written(root).OfType<YamlScalar>())
        {
            if (scalar.IsBlock)
            {
                // The block's text starts on the line after its indicator; a comment may follow '|'.
                var body = Math.Min(text.Lines.GetLineFromPosition(scalar.ContentStart).EndIncludingLineBreak, scalar.Span.End);
                scalars.Add(TextSpan.FromBounds(body, Math.Max(body, scalar.Span.End)));
                blocks.Add(TextSpan.FromBounds(scalar.ContentStart, Math.Max(scalar.ContentStart, scalar.Span.End)));
            }
            else if (scalar.Style is not (YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any))
            {
                scalars.Add(TextSpan.FromBounds(scalar.ContentStart, Math.Max(scalar.ContentStart, scalar.Span.End)));
            }
        }
    }

    private sealed record Entry(ImmutableHashSet<string> Ids, bool IsAlone);
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CiOidcLint.Analysis.Syntax;

/// <summary>
/// Builds located nodes from YamlDotNet's event stream. The representation model
/// (<c>YamlStream</c>) is not used: it throws on duplicate keys, which GitLab accepts
/// (the last value wins), and it copies nothing we could point back at.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private readonly SyntaxFile _file;
    private readonly SourceText _text;
    private readonly YamlLimits _limits;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _openAnchors = new(StringComparer.Ordinal);
    private readonly List<Frame> _stack = new();
    private readonly List<YamlNode?> _documents = new();
    private readonly ImmutableArray<SyntaxProblem>.Builder _problems = ImmutableArray.CreateBuilder<SyntaxProblem>();
    private int _mergeBudget;
    private Mark _lastEnd;
    private int _currentEnd;
    private bool _aborted;

    private YamlTreeBuilder(SyntaxFile file, YamlLimits limits)
    {
        _file = file;
        _text = file.Text;
        _limits = limits;
        _mergeBudget = limits.MergeBudget;
    }

    public static BuildResult Build(SyntaxFile file, YamlLimits limits) => new YamlTreeBuilder(file, limits).Run();

    private BuildResult Run()
    {
        if (CheckRawText() is { } rejected)
        {
            return new BuildResult(null, null, ImmutableArray.Create(rejected));
        }

        try
        {
            var parser = new Parser(new SourceTextReader(_text));
            while (!_aborted && parser.MoveNext())
            {
                var current = parser.Current!;
                _currentEnd = Pos(current.End);
                Handle(current);
                _lastEnd = current.End;
            }
        }
        catch (YamlException ex)
        {
            ReportSyntaxError(ex.Message, LocateError(ex.Start, ex.Message, _text));
            Unwind();
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet throws this without a position for some malformed flow collections.
            ReportSyntaxError(DescribePositionlessError(ex), LocatePositionlessError(_text));
            Unwind();
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet rejects some malformed tags this way ("Global tags must be valid URIs"),
            // with no position: the last event it read is the nearest place to point at.
            ReportSyntaxError($"YAML error: {ex.Message.Split('(')[0].Trim()}", new TextSpan(Math.Min(_text.Length, Pos(_lastEnd)), 0));
            Unwind();
        }

        if (_aborted)
        {
            return new BuildResult(null, null, _problems.ToImmutable());
        }

        YamlMapping? header = null;
        YamlNode? root = _documents.Count > 0 ? _documents[0] : null;
        if (_documents.Count > 1 && root is YamlMapping first && first.ContainsKey("spec"))
        {
            header = first;
            root = _documents[1];
        }

        return new BuildResult(root, header, _problems.ToImmutable());
    }

    private SyntaxProblem? CheckRawText()
    {
        long bytes = 0;
        var nul = -1;
        var buffer = new char[4096];
        for (var at = 0; at < _text.Length; at += buffer.Length)
        {
            var count = Math.Min(buffer.Length, _text.Length - at);
            _text.CopyTo(at, buffer, 0, count);
            bytes += Encoding.UTF8.GetByteCount(buffer, 0, count);
            if (nul < 0)
            {
                var i = Array.IndexOf(buffer, '\0', 0, count);
                if (i >= 0)
                {
                    nul = at + i;
                }
            }
        }

        if (bytes > _limits.MaxSizeBytes)
        {
            return new SyntaxProblem(
                SyntaxProblemKind.LimitExceeded,
                new TextSpan(0, 0),
                $"the file is {bytes:N0} bytes, larger than GitLab's limit of {_limits.MaxSizeBytes:N0} bytes for one YAML file, so GitLab rejects it");
        }

        if (nul >= 0)
        {
            return new SyntaxProblem(
                SyntaxProblemKind.SyntaxError,
                new TextSpan(nul, 1),
                "the file holds a NUL byte: it is binary, not YAML");
        }

        return null;
    }

    private void Handle(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart:
                break;
            case DocumentEnd:
                break;
            case MappingStart m:
                Push(new Frame(FrameKind.Mapping, m.Start, NormalizeTag(m.Tag), m.Anchor.IsEmpty ? null : m.Anchor.Value, m.Style == MappingStyle.Flow));
                break;
            case SequenceStart s:
                Push(new Frame(FrameKind.Sequence, s.Start, NormalizeTag(s.Tag), s.Anchor.IsEmpty ? null : s.Anchor.Value, s.Style == SequenceStyle.Flow));
                break;
            case MappingEnd me:
                Complete(Pop().ToMapping(this, me.End));
                break;
            case SequenceEnd se:
                Complete(Pop().ToSequence(this, se.End));
                break;
            case Scalar s:
                Complete(MakeScalar(s));
                break;
            case AnchorAlias a:
                Complete(ResolveAlias(a));
                break;
        }
    }

    private void Push(Frame frame)
    {
        if (frame.Anchor is { } anchor)
        {
            _openAnchors.Add(anchor);
        }

        _stack.Add(frame);
        if (_stack.Count > _limits.MaxDepth)
        {
            _problems.Add(new SyntaxProblem(
                SyntaxProblemKind.LimitExceeded,
                SpanAt(Pos(frame.Start)),
                $"the YAML nests deeper than GitLab's limit of {_limits.MaxDepth} levels, so GitLab rejects the file"));
            _aborted = true;
        }
    }

    private Frame Pop()
    {
        var frame = _stack[_stack.Count - 1];
        _stack.RemoveAt(_stack.Count - 1);
        return frame;
    }

    private void Complete(YamlNode node)
    {
        if (_stack.Count == 0)
        {
            _documents.Add(node);
            return;
        }

        _stack[_stack.Count - 1].Add(node, _currentEnd);
    }

    private void RegisterAnchor(string? anchor, YamlNode node)
    {
        if (anchor is null)
        {
            return;
        }

        _openAnchors.Remove(anchor);
        _anchors[anchor] = node;
    }

    private YamlNode ResolveAlias(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (_anchors.TryGetValue(name, out var node))
        {
            return node;
        }

        var aliasStart = Math.Min(Pos(alias.Start), _text.Length);
        var span = TextSpan.FromBounds(aliasStart, Math.Min(Math.Max(aliasStart, Pos(alias.End)), _text.Length));
        var message = _openAnchors.Contains(name)
            ? $"the alias '*{name}' refers to the collection that contains it"
            : $"the alias '*{name}' refers to no anchor '&{name}' defined before it";
        ReportSyntaxError(message, span);
        return new YamlScalar(_file, span, null, string.Empty, ScalarStyle.Plain, span.Start);
    }

    private YamlScalar MakeScalar(Scalar s)
    {
        // Marks can sit one past the text (an empty document after '---').
        var start = Math.Min(Pos(s.Start), _text.Length);
        var end = TrimEnd(start, Math.Max(start, Pos(s.End)));
        var contentStart = SkipProperties(start, end);
        var scalar = new YamlScalar(_file, TextSpan.FromBounds(start, end), NormalizeTag(s.Tag), s.Value, s.Style, contentStart);
        if (!s.Anchor.IsEmpty)
        {
            RegisterAnchor(s.Anchor.Value, scalar);
        }

        return scalar;
    }

    private static string? NormalizeTag(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

    /// <summary>Skips a node's <c>!tag</c> and <c>&amp;anchor</c> to where its own text begins.</summary>
    private int SkipProperties(int start, int end)
    {
        var at = start;
        while (at < end && (_text[at] == '!' || _text[at] == '&'))
        {
            while (at < end && !char.IsWhiteSpace(_text[at]))
            {
                at++;
            }

            while (at < end && char.IsWhiteSpace(_text[at]))
            {
                at++;
            }
        }

        return at;
    }

    private int TrimEnd(int start, int end)
    {
        end = Math.Min(end, _text.Length);
        while (end > start && char.IsWhiteSpace(_text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private TextSpan SpanAt(int position)
    {
        position = Math.Max(0, Math.Min(position, _text.Length));
        return new TextSpan(position, position < _text.Length && _text[position] is not ('\r' or '\n') ? 1 : 0);
    }

    private void ReportSyntaxError(string message, TextSpan span)
        => _problems.Add(new SyntaxProblem(SyntaxProblemKind.SyntaxError, span, message));

    /// <summary>
    /// Closes what was open when the parser stopped, keeping only the nodes that were
    /// complete: the entry being written when the error hit is dropped, so a half-typed job
    /// draws no findings while the jobs before it are still analysed.
    /// </summary>
    private void Unwind()
    {
        while (_stack.Count > 0)
        {
            var frame = Pop();
            frame.DropIncomplete();
            var node = frame.Kind == FrameKind.Mapping ? (YamlNode)frame.ToMapping(this, _lastEnd) : frame.ToSequence(this, _lastEnd);
            if (_stack.Count == 0)
            {
                _documents.Add(node);
            }
            else
            {
                // The enclosing frame's current entry is the one that failed; it is not completed.
            }
        }
    }

    private TextSpan LocateError(Mark mark, string message, SourceText source)
    {
        // A tab used as indentation is reported at 1:1, behind what was parsed, or at the start
        // of the scalar it cut short: point at the tab itself.
        if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            var tab = FindIndentationTab(source, Pos(mark) == 0 ? Pos(_lastEnd) : Math.Min(Pos(mark), Pos(_lastEnd)));
            if (tab >= 0)
            {
                return SpanAt(tab);
            }
        }

        // Other errors YamlDotNet may also report at 1:1 or behind what it already parsed; an
        // error cannot start before the last event it produced.
        if (Pos(mark) >= Pos(_lastEnd) && !(Pos(mark) == 0 && Pos(_lastEnd) > 0))
        {
            return SpanAt(Pos(mark));
        }

        return SpanAt(NextNonBlank(source, Pos(_lastEnd)));
    }

    private TextSpan LocatePositionlessError(SourceText source)
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (_stack[i].IsFlow)
            {
                return SpanAt(Pos(_stack[i].Start));
            }
        }

        return SpanAt(NextNonBlank(source, Pos(_lastEnd)));
    }

    private string DescribePositionlessError(InvalidOperationException ex)
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (_stack[i].IsFlow)
            {
                var open = _stack[i].Kind == FrameKind.Sequence ? '[' : '{';
                var close = _stack[i].Kind == FrameKind.Sequence ? ']' : '}';
                return $"the flow collection opened with '{open}' is not closed with '{close}'";
            }
        }

        return "the YAML does not parse here (" + ex.Message + ")";
    }

    private static int FindIndentationTab(SourceText source, int from)
    {
        // The start of the line that holds the character before `from`.
        var at = Math.Max(0, Math.Min(from, source.Length) - 1);
        while (at >= 0 && (at >= source.Length || source[at] != '\n'))
        {
            at--;
        }

        var lineStart = at + 1;

        for (var i = lineStart; i < source.Length; i++)
        {
            if (source[i] == '\t' && (i == 0 || IsLineIndentation(source, i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsLineIndentation(SourceText source, int at)
    {
        for (var i = at - 1; i >= 0; i--)
        {
            if (source[i] == '\n')
            {
                return true;
            }

            if (source[i] is not (' ' or '\t' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static int NextNonBlank(SourceText source, int from)
    {
        var i = Math.Max(0, Math.Min(from, source.Length));
        while (i < source.Length && char.IsWhiteSpace(source[i]))
        {
            i++;
        }

        return i;
    }

    private static int Pos(Mark mark) => (int)Math.Min(mark.Index, int.MaxValue);

    internal sealed record BuildResult(YamlNode? Root, YamlMapping? Header, ImmutableArray<SyntaxProblem> Problems);

    private enum FrameKind
    {
        Mapping,
        Sequence,
    }

    private sealed class Frame
    {
        private readonly List<YamlNode> _children = new();

        public Frame(FrameKind kind, Mark start, string? tag, string? anchor, bool isFlow)
        {
            Kind = kind;
            Start = start;
            Tag = tag;
            Anchor = anchor;
            IsFlow = isFlow;
        }

        public FrameKind Kind { get; }

        public Mark Start { get; }

        public string? Tag { get; }

        public string? Anchor { get; }

        public bool IsFlow { get; }

        private int _lastChildEnd = -1;

        public void Add(YamlNode node, int eventEnd)
        {
            _children.Add(node);
            _lastChildEnd = eventEnd;
        }

        /// <summary>A mapping left with a key and no value loses the key.</summary>
        public void DropIncomplete()
        {
            if (Kind == FrameKind.Mapping && _children.Count % 2 == 1)
            {
                _children.RemoveAt(_children.Count - 1);
            }
        }

        public YamlSequence ToSequence(YamlTreeBuilder builder, Mark end)
        {
            var sequence = new YamlSequence(builder._file, SpanOf(builder, end), Tag, _children.ToImmutableArray(), IsFlow);
            builder.RegisterAnchor(Anchor, sequence);
            return sequence;
        }

        public YamlMapping ToMapping(YamlTreeBuilder builder, Mark end)
        {
            var written = new List<YamlEntry>(_children.Count / 2);
            var resolved = new List<YamlEntry>(_children.Count / 2);
            var writtenKeys = new KeyPositions(written);
            var positions = new KeyPositions(resolved);

            for (var i = 0; i + 1 < _children.Count; i += 2)
            {
                var entry = new YamlEntry(_children[i], _children[i + 1]);
                if (entry.Key is YamlScalar { Value: "<<", Style: ScalarStyle.Plain, Tag: null })
                {
                    // Psych's merge: hash.merge!(other), so merged keys override what came before
                    // and later explicit keys override them; in a list the earlier mapping wins.
                    Merge(builder, entry.Value, resolved, positions);
                    continue;
                }

                if (entry.Key is YamlScalar && writtenKeys.TryGetLast(entry.Name, out var shadowed) && written[shadowed].Key is var shadowedKey)
                {
                    builder._problems.Add(new SyntaxProblem(
                        SyntaxProblemKind.DuplicateKey,
                        shadowedKey.Span,
                        $"the key '{entry.Name}' is written again below in the same mapping; GitLab keeps only the last value")
                    {
                        RelatedSpan = entry.Key.Span,
                        KeyName = entry.Name,
                    });
                }

                written.Add(entry);
                writtenKeys.Added();
                Set(resolved, positions, entry);
            }

            var mapping = new YamlMapping(builder._file, SpanOf(builder, end), Tag, written.ToImmutableArray(), resolved.ToImmutableArray(), IsFlow);
            builder.RegisterAnchor(Anchor, mapping);
            return mapping;
        }

        private static void Set(List<YamlEntry> resolved, KeyPositions positions, YamlEntry entry)
        {
            if (positions.TryGetLast(entry.Name, out var at))
            {
                resolved[at] = new YamlEntry(resolved[at].Key, entry.Value);
            }
            else
            {
                resolved.Add(entry);
                positions.Added();
            }
        }

        private static void Merge(YamlTreeBuilder builder, YamlNode source, List<YamlEntry> resolved, KeyPositions positions)
        {
            IEnumerable<YamlNode> sources = source is YamlSequence seq ? Reverse(seq.Items) : new[] { source };
            var merged = new List<YamlEntry>();
            var mergedPositions = new KeyPositions(merged);
            foreach (var item in sources)
            {
                if (item is not YamlMapping mapping)
                {
                    builder.ReportSyntaxError("a merge key '<<' takes a mapping or a list of mappings", item.Span);
                    continue;
                }

                builder._mergeBudget -= mapping.Entries.Length;
                if (builder._mergeBudget < 0)
                {
                    if (!builder._aborted)
                    {
                        builder._problems.Add(new SyntaxProblem(
                            SyntaxProblemKind.LimitExceeded,
                            item.Span,
                            "the file expands more merge keys '<<' than this linter reads in one file"));
                        builder._aborted = true;
                    }

                    return;
                }

                foreach (var entry in mapping.Entries)
                {
                    Set(merged, mergedPositions, entry);
                }
            }

            foreach (var entry in merged)
            {
                Set(resolved, positions, entry);
            }
        }

        private static IEnumerable<YamlNode> Reverse(ImmutableArray<YamlNode> items)
        {
            for (var i = items.Length - 1; i >= 0; i--)
            {
                yield return items[i];
            }
        }

        private TextSpan SpanOf(YamlTreeBuilder builder, Mark end)
        {
            var start = Math.Min(Pos(Start), builder._text.Length);
            var last = _lastChildEnd >= 0 ? _lastChildEnd : start;
            var stop = last;
            if (IsFlow)
            {
                // YamlDotNet's end mark of a flow collection sits on its closing bracket, not after it.
                var close = Math.Min(Pos(end), builder._text.Length);
                stop = Math.Max(last, close < builder._text.Length && builder._text[close] is ']' or '}' ? close + 1 : close);
            }

            stop = Math.Max(start, Math.Min(stop, builder._text.Length));
            return TextSpan.FromBounds(start, builder.TrimEnd(start, stop));
        }
    }
}

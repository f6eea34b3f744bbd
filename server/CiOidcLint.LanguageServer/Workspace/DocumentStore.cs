using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>The open documents, immutable: every change makes a new store, so a snapshot never changes under a request.</summary>
public sealed class DocumentStore
{
    public static readonly DocumentStore Empty = new(ImmutableDictionary<string, OpenDocument>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableDictionary<string, OpenDocument> _byUri;
    private ImmutableDictionary<string, OpenDocument>? _byPath;

    private DocumentStore(ImmutableDictionary<string, OpenDocument> byUri)
    {
        _byUri = byUri;
    }

    public IEnumerable<OpenDocument> All => _byUri.Values;

    public int Count => _byUri.Count;

    public OpenDocument? Get(string uri) => _byUri.TryGetValue(uri, out var document) ? document : null;

    public OpenDocument? GetByPath(string path)
    {
        if (_byPath is null)
        {
            var byPath = ImmutableDictionary.CreateBuilder<string, OpenDocument>(StringComparer.Ordinal);
            foreach (var document in _byUri.Values)
            {
                if (document.Path is not null)
                {
                    byPath[document.Path] = document;
                }
            }

            _byPath = byPath.ToImmutable();
        }

        return _byPath.TryGetValue(path, out var found) ? found : null;
    }

    public DocumentStore Set(OpenDocument document) => new(_byUri.SetItem(document.Uri, document));

    public DocumentStore Remove(string uri) => new(_byUri.Remove(uri));

    /// <summary>
    /// Applies LSP content changes in order (each relative to the text the previous one left).
    /// Throws <see cref="ArgumentException"/> for a range outside the document; a character past
    /// a line's end means the line's end, as the specification says.
    /// </summary>
    public static SourceText Apply(SourceText text, IEnumerable<Protocol.TextDocumentContentChangeEvent> changes)
    {
        var ranged = false;
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                text = SourceText.From(change.Text);
                continue;
            }

            var span = ToSpan(text, change.Range);
            ranged = true;
            text = text.WithChanges(new TextChange(span, change.Text));
        }

        // One flat copy per change: Roslyn's ChangedText answers the indexer by walking its
        // segments, which grow with every edit, and the analysis reads the text many times over.
        // Read through a reader, a big document becomes chunks below the large object heap's
        // threshold instead of one string in it, which would cost a full collection every few edits.
        return ranged ? SourceText.From(new SourceTextReader(text), text.Length, text.Encoding, text.ChecksumAlgorithm) : text;
    }

    public static TextSpan ToSpan(SourceText text, Protocol.Range range)
    {
        var start = ToOffset(text, range.Start);
        var end = ToOffset(text, range.End);
        if (end < start)
        {
            throw new ArgumentException($"range end {range.End.Line}:{range.End.Character} is before its start {range.Start.Line}:{range.Start.Character}");
        }

        return TextSpan.FromBounds(start, end);
    }

    public static int ToOffset(SourceText text, Protocol.Position position)
    {
        if (position.Line < 0 || position.Character < 0 || position.Line >= text.Lines.Count)
        {
            throw new ArgumentException($"position {position.Line}:{position.Character} is outside the document ({text.Lines.Count} lines)");
        }

        var line = text.Lines[position.Line];
        return line.Start + Math.Min(position.Character, line.End - line.Start);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Features;

/// <summary>
/// Text changes as a <c>WorkspaceEdit</c>: <c>documentChanges</c> pinned to the versions the
/// edits were computed on when the client supports them (so a stale edit is refused rather
/// than misapplied), else <c>changes</c>.
/// </summary>
public static class WorkspaceEditBuilder
{
    /// <summary>Null when a change names a file whose text the analysis does not hold.</summary>
    public static WorkspaceEdit? Build(IEnumerable<DocumentChange> changes, Func<string, SourceText?> textOf, WorkspaceSnapshot snapshot, ClientFeatures features)
    {
        var edits = new List<(string Path, List<TextEdit> Edits)>();
        foreach (var group in changes.GroupBy(c => c.Path, StringComparer.Ordinal))
        {
            if (textOf(group.Key) is not { } text)
            {
                return null;
            }

            edits.Add((group.Key, group.SelectMany(c => c.Changes)
                .OrderBy(c => c.Span.Start)
                .Select(c => new TextEdit { Range = DiagnosticFactory.ToRange(text, c.Span), NewText = c.NewText ?? string.Empty })
                .ToList()));
        }

        return Create(edits, snapshot, features);
    }

    public static WorkspaceEdit Create(IReadOnlyList<(string Path, List<TextEdit> Edits)> edits, WorkspaceSnapshot snapshot, ClientFeatures features)
    {
        if (features.DocumentChanges)
        {
            return new WorkspaceEdit
            {
                DocumentChanges = edits.Select(e => (object)new TextDocumentEdit
                {
                    TextDocument = new OptionalVersionedTextDocumentIdentifier { Uri = snapshot.UriOf(e.Path), Version = snapshot.Documents.GetByPath(e.Path)?.Version },
                    Edits = e.Edits,
                }).ToList(),
            };
        }

        return new WorkspaceEdit
        {
            Changes = edits.ToDictionary(e => snapshot.UriOf(e.Path), e => (IReadOnlyList<TextEdit>)e.Edits, StringComparer.Ordinal),
        };
    }
}

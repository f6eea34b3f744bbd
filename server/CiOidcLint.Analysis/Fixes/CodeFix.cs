using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Fixes;

/// <summary>Text changes to one file of the pipeline, computed on its source text.</summary>
public sealed record DocumentChange(string Path, ImmutableArray<TextChange> Changes);

/// <summary>
/// A quick fix: a pure text edit. Comments, quoting, key order and indentation outside the
/// changed spans stay byte-for-byte as they were.
/// </summary>
public sealed record CodeFix(string Title, bool IsPreferred, ImmutableArray<DocumentChange> Changes);

/// <summary>Builds fixes.</summary>
public static class CodeFixes
{
    /// <summary>A fix made of changes to one file; the changes are sorted and must not overlap.</summary>
    public static CodeFix InFile(string title, bool isPreferred, string path, params TextChange[] changes)
        => new(title, isPreferred, ImmutableArray.Create(new DocumentChange(path, changes.Length == 1 ? ImmutableArray.Create(changes[0]) : changes.OrderBy(c => c.Span.Start).ToImmutableArray())));
}

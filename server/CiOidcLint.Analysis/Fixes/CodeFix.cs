using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Fixes;

/// <summary>Text changes to one file of the pipeline, computed on its source text.</summary>
public sealed record DocumentChange(string Path, ImmutableArray<TextChange> Changes);

/// <summary>
/// A quick fix: a pure text edit. Comments, quoting, key order and indentation outside the
/// changed spans stay byte-for-byte as they were.
/// </summary>
public sealed record CodeFix(string Title, bool IsPreferred, ImmutableArray<DocumentChange> Changes);

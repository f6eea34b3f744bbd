using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Features;

/// <summary>
/// <c>source.fixAll.cioidclint</c>: every preferred fix of one file, composed as <c>--fix</c> does:
/// apply the fixes whose edits do not overlap, analyse again, repeat while preferred fixes
/// remain (bounded), so fixes that touch the same place are applied one after the other on
/// fresh text, never on stale spans.
/// </summary>
public static class FixAll
{
    public const int MaxPasses = 8;

    /// <summary>The file's final text, or null when no preferred fix applies.</summary>
    public static async Task<(SourceText Original, SourceText Fixed)?> ComputeAsync(WorkspaceSnapshot snapshot, WorkspaceAnalysis analysis, string path, CancellationToken cancellationToken)
    {
        if (analysis.GetFile(path)?.Text is not { } original)
        {
            return null;
        }

        var text = original;
        var current = analysis;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changes = NonOverlapping(current.FindingsIn(path)
                .Select(f => f.Finding.Fixes.FirstOrDefault(x => x.IsPreferred && x.Changes.All(c => c.Path == path)))
                .Where(fix => fix is not null)
                .Select(fix => fix!.Changes.SelectMany(c => c.Changes).OrderBy(c => c.Span.Start).ToList()));
            if (changes.Count == 0)
            {
                break;
            }

            text = text.WithChanges(changes);
            var document = snapshot.Documents.GetByPath(path);
            var next = snapshot.With(documents: snapshot.Documents.Set(document is null
                ? new OpenDocument("fixall:" + path, path, 0, text, "yaml")
                : document with { Text = text }));
            current = await next.GetAnalysisAsync(cancellationToken).ConfigureAwait(false);
        }

        return text.ContentEquals(original) ? null : (original, text);
    }

    /// <summary>One edit for the difference: from the first changed character to the last.</summary>
    public static TextChange Difference(SourceText original, SourceText changed)
    {
        var a = original.ToString();
        var b = changed.ToString();
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        return new TextChange(TextSpan.FromBounds(prefix, a.Length - suffix), b.Substring(prefix, b.Length - suffix - prefix));
    }

    /// <summary>Whole fixes, earliest first, leaving out any that overlaps (or inserts at the same place as) one already taken.</summary>
    private static List<TextChange> NonOverlapping(IEnumerable<List<TextChange>> fixes)
    {
        var taken = new List<TextChange>();
        foreach (var fix in fixes.Where(f => f.Count > 0).OrderBy(f => f[0].Span.Start))
        {
            if (fix.Any(c => taken.Any(t => Touches(t.Span, c.Span))) || HasInternalOverlap(fix))
            {
                continue;
            }

            taken.AddRange(fix);
        }

        return taken.OrderBy(c => c.Span.Start).ToList();
    }

    private static bool Touches(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End || a.Start == b.Start || a.End == b.Start && b.IsEmpty || b.End == a.Start && a.IsEmpty;

    private static bool HasInternalOverlap(List<TextChange> fix)
    {
        for (var i = 1; i < fix.Count; i++)
        {
            if (fix[i].Span.Start < fix[i - 1].Span.End)
            {
                return true;
            }
        }

        return false;
    }
}

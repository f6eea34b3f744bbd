using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Pipeline;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Fixes;

/// <summary>A fix that was applied: which finding, where it was when the fix ran.</summary>
public sealed record AppliedFix(string RuleId, string Title, string Path, LinePosition Position, int Pass);

/// <summary>What applying the preferred fixes did.</summary>
public sealed record FixLoopResult(OverlayFileSystem Files, ImmutableArray<AppliedFix> Applied, bool ReachedPassLimit)
{
    /// <summary>The files whose text differs from what was read.</summary>
    public ImmutableArray<string> ChangedPaths => Files.ChangedPaths
        .Where(p => Files.Original(p)?.ToString() != Files.ReadFile(p)?.ToString())
        .OrderBy(p => p, StringComparer.Ordinal)
        .ToImmutableArray();
}

/// <summary>
/// Applies preferred fixes the way <c>--fix</c> and the editor's "fix all" do: analyse, apply every
/// preferred fix that does not touch another one's edits, analyse again, and repeat until no
/// preferred fix is left. Fixes that meet at one place (two findings that would both insert
/// <c>id_tokens</c> into a job) go in different passes, so the second sees the first's result.
/// </summary>
public static class FixLoop
{
    public const int DefaultMaxPasses = 32;

    public static FixLoopResult Run(
        IPipelineFileSystem files,
        Func<IPipelineFileSystem, IEnumerable<Finding>> analyze,
        Func<Finding, bool>? include = null,
        int maxPasses = DefaultMaxPasses,
        CancellationToken cancellationToken = default)
    {
        var overlay = new OverlayFileSystem(files);
        var applied = ImmutableArray.CreateBuilder<AppliedFix>();
        for (var pass = 1; pass <= maxPasses; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chosen = Choose(analyze(overlay).Where(f => include?.Invoke(f) ?? true));
            if (chosen.Count == 0)
            {
                return new FixLoopResult(overlay, applied.ToImmutable(), ReachedPassLimit: false);
            }

            foreach (var byPath in chosen.SelectMany(c => c.Fix.Changes).GroupBy(c => c.Path, StringComparer.Ordinal))
            {
                var text = overlay.ReadFile(byPath.Key) ?? SourceText.From(string.Empty);
                overlay.SetText(byPath.Key, text.WithChanges(byPath.SelectMany(d => d.Changes).OrderBy(c => c.Span.Start)));
            }

            foreach (var (finding, fix) in chosen)
            {
                applied.Add(new AppliedFix(finding.Id, fix.Title, finding.Path, finding.Location.LineSpan.Start, pass));
            }
        }

        var left = Choose(analyze(overlay).Where(f => include?.Invoke(f) ?? true)).Count > 0;
        return new FixLoopResult(overlay, applied.ToImmutable(), ReachedPassLimit: left);
    }

    /// <summary>The first preferred fix of each finding, skipping any whose edits touch an edit already chosen.</summary>
    private static List<(Finding Finding, CodeFix Fix)> Choose(IEnumerable<Finding> findings)
    {
        var chosen = new List<(Finding, CodeFix)>();
        var taken = new Dictionary<string, List<TextSpan>>(StringComparer.Ordinal);
        var ordered = findings
            .Select(f => (Finding: f, Fix: f.Fixes.FirstOrDefault(x => x.IsPreferred)))
            .Where(c => c.Fix is not null && c.Fix.Changes.Any(d => d.Changes.Length > 0))
            .OrderBy(c => c.Finding.Path, StringComparer.Ordinal)
            .ThenBy(c => c.Finding.Location.Span.Start);
        foreach (var (finding, fix) in ordered)
        {
            if (fix!.Changes.SelectMany(d => d.Changes.Select(c => (d.Path, c.Span))).Any(c => Touches(taken, c.Path, c.Span)))
            {
                continue;
            }

            foreach (var document in fix.Changes)
            {
                if (!taken.TryGetValue(document.Path, out var spans))
                {
                    taken[document.Path] = spans = new List<TextSpan>();
                }

                spans.AddRange(document.Changes.Select(c => c.Span));
            }

            chosen.Add((finding, fix));
        }

        return chosen;
    }

    /// <summary>Overlapping or meeting: two inserts at one place would interleave unpredictably.</summary>
    private static bool Touches(Dictionary<string, List<TextSpan>> taken, string path, TextSpan span)
        => taken.TryGetValue(path, out var spans) && spans.Any(s => s.Start <= span.End && span.Start <= s.End);
}

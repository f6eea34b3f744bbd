using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using CiOidcLint.Analysis.Fixes;

namespace CiOidcLint.Analysis.Engine;

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

        // A fix is applied only where it works. A pass that leaves a finding it fixed in place
        // (the same rule, file, jobs and flagged text, as many times as before) would otherwise
        // be repeated pass after pass, piling up its edit; a pass that brings a new error or
        // warning anywhere (not only among the findings asked about) broke something. Either
        // pass is undone. The fix that left its finding is not tried again; when the new problem
        // cannot be told apart, the pass's fixes are retried one per pass, and one that brings a
        // new problem alone is not tried again. Other fixes still go together.
        var stuck = new HashSet<string>(StringComparer.Ordinal);
        var suspects = new HashSet<string>(StringComparer.Ordinal);
        Pass? previous = null;

        // Every finding now (after undoing the last pass when it did not work).
        List<Finding> Analyze()
        {
            while (true)
            {
                var findings = analyze(overlay).ToList();
                if (previous is null)
                {
                    return findings;
                }

                var counts = Counts(findings, Key);
                var unresolved = previous.Fixed.Where(c => counts.TryGetValue(c.Key, out var now) && now >= c.Value).Select(c => c.Key).ToList();
                // A problem of a kind not there before; one a fix copied along (a default: token
                // with a suspicious aud, written into the job) is the user's, not the fix's.
                var broke = Counts(findings.Where(IsSerious), ProblemKey).Keys.Any(k => !previous.SeriousBefore.ContainsKey(k));
                if (unresolved.Count == 0 && !broke)
                {
                    suspects.ExceptWith(previous.Fixed.Keys);
                    previous = null;
                    return findings;
                }

                foreach (var (path, text) in previous.TextsBefore)
                {
                    overlay.SetText(path, text);
                }

                applied.Count = previous.AppliedBefore;
                if (unresolved.Count > 0)
                {
                    stuck.UnionWith(unresolved);
                }
                else if (previous.Fixed.Count == 1)
                {
                    stuck.UnionWith(previous.Fixed.Keys);
                    suspects.ExceptWith(previous.Fixed.Keys);
                }
                else
                {
                    suspects.UnionWith(previous.Fixed.Keys);
                }

                previous = null;
            }
        }

        for (var pass = 1; pass <= maxPasses; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var findings = Analyze();
            var chosen = Choose(findings.Where(f => (include?.Invoke(f) ?? true) && !stuck.Contains(Key(f))));
            if (chosen.Count == 0)
            {
                return new FixLoopResult(overlay, applied.ToImmutable(), ReachedPassLimit: false);
            }

            // A suspect goes alone; the others go together, without suspects.
            var suspect = chosen.FirstOrDefault(c => suspects.Contains(Key(c.Finding)));
            chosen = suspect.Fix is not null
                ? new List<(Finding Finding, CodeFix Fix)> { suspect }
                : chosen;

            var textsBefore = new List<(string Path, SourceText Text)>();
            foreach (var byPath in chosen.SelectMany(c => c.Fix.Changes).GroupBy(c => c.Path, StringComparer.Ordinal))
            {
                var text = overlay.ReadFile(byPath.Key) ?? SourceText.From(string.Empty);
                textsBefore.Add((byPath.Key, text));
                overlay.SetText(byPath.Key, text.WithChanges(byPath.SelectMany(d => d.Changes).OrderBy(c => c.Span.Start)));
            }

            var all = Counts(findings, Key);
            var keys = chosen.Select(c => Key(c.Finding)).Distinct(StringComparer.Ordinal);
            previous = new Pass(keys.ToDictionary(k => k, k => all[k], StringComparer.Ordinal), Counts(findings.Where(IsSerious), ProblemKey), textsBefore, applied.Count);
            foreach (var (finding, fix) in chosen)
            {
                applied.Add(new AppliedFix(finding.Id, fix.Title, finding.Path, finding.Location.LineSpan.Start, pass));
            }
        }

        var left = Choose(Analyze().Where(f => (include?.Invoke(f) ?? true) && !stuck.Contains(Key(f)))).Count > 0;
        return new FixLoopResult(overlay, applied.ToImmutable(), ReachedPassLimit: left);
    }

    private static bool IsSerious(Finding finding) => finding.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning;

    private static Dictionary<string, int> Counts(IEnumerable<Finding> findings, Func<Finding, string> key)
        => findings.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>A problem regardless of the jobs it names: one a fix made reach fewer jobs is not new.</summary>
    private static string ProblemKey(Finding finding)
        => string.Join("\u0001", finding.Id, finding.Path, finding.Location.File.Text.ToString(finding.Location.Span));

    /// <summary>
    /// A finding's identity across passes: the rule, the file, the jobs and the flagged text. Its
    /// place moves as fixes above it add lines, and its message may change with a partial fix.
    /// </summary>
    private static string Key(Finding finding)
        => string.Join("\u0001", finding.Id, finding.Path, string.Join(",", finding.Jobs), finding.Location.File.Text.ToString(finding.Location.Span));

    /// <summary>
    /// What a pass fixed (how many findings of each key there were), the errors and warnings
    /// there were before it, and the texts it changed, as they were before.
    /// </summary>
    private sealed record Pass(Dictionary<string, int> Fixed, Dictionary<string, int> SeriousBefore, List<(string Path, SourceText Text)> TextsBefore, int AppliedBefore);

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

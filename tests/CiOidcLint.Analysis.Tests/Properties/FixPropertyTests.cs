using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Corpus;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Tests.Properties;

/// <summary>
/// Properties of every quick fix, over every pipeline the tests know (the rule pages' examples,
/// the seed cases, the corpus where present), each fix applied alone:
/// <list type="bullet">
/// <item>its changes lie inside the file and do not overlap, so every byte outside them is kept;</item>
/// <item>the finding it fixes is gone, and no new error or warning appears;</item>
/// <item>after <c>--fix</c> (every preferred fix, to a fixed point) a second run changes nothing.</item>
/// </list>
/// </summary>
public sealed class FixPropertyTests
{
    [Fact]
    public void Every_fix_keeps_the_bytes_around_it_removes_its_finding_and_adds_no_error_or_warning()
    {
        var failures = new List<string>();
        var checkedFixes = 0;
        foreach (var (name, text) in Pipelines())
        {
            var files = new[] { (RepositoryAnalysis.RootPipelinePath, text) };
            var before = Fixing.Analyze(files);
            foreach (var finding in before.Where(f => !f.Fixes.IsEmpty))
            {
                foreach (var fix in finding.Fixes)
                {
                    checkedFixes++;
                    var problem = Check(files, before, finding, fix);
                    if (problem is not null)
                    {
                        failures.Add($"{name}: {finding.Id} '{fix.Title}': {problem}");
                    }
                }
            }
        }

        Assert.True(checkedFixes > 50, $"only {checkedFixes} fixes were checked");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedFixes} fixes failed:\n" + string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void A_second_fix_run_changes_nothing()
    {
        foreach (var (name, text) in Pipelines())
        {
            var fileSystem = new InMemoryFileSystem();
            fileSystem.Add(RepositoryAnalysis.RootPipelinePath, text);
            IEnumerable<Finding> Analyze(IPipelineFileSystem files) => new RepositoryAnalysis(files).Analyze(Array.Empty<string>()).SelectMany(r => r.Findings);
            var first = FixLoop.Run(fileSystem, Analyze);
            Assert.False(first.ReachedPassLimit, $"{name}: --fix did not settle");
            var second = FixLoop.Run(first.Files, Analyze);
            Assert.True(second.Applied.IsEmpty, $"{name}: a second --fix applied {string.Join(", ", second.Applied.Select(a => a.RuleId + " " + a.Title))}");
        }
    }

    private static string? Check((string Path, string Text)[] files, IReadOnlyList<Finding> before, Finding finding, CodeFix fix)
    {
        foreach (var change in fix.Changes)
        {
            var source = files.FirstOrDefault(f => f.Path == change.Path).Text ?? string.Empty;
            var previousEnd = -1;
            foreach (var edit in change.Changes)
            {
                if (edit.Span.Start < previousEnd || edit.Span.End > source.Length)
                {
                    return $"its changes overlap or leave the file ({edit.Span} in {source.Length} characters)";
                }

                previousEnd = edit.Span.End;
            }
        }

        var after = Fixing.Analyze(Fixing.ApplyChanges(files, fix).Select(kv => (kv.Key, kv.Value)).ToArray());
        var edits = fix.Changes.Where(c => c.Path == finding.Path).SelectMany(c => c.Changes).ToList();
        if (Moved(finding.Location.Span.Start, edits) is { } start
            && after.Any(f => f.Id == finding.Id && f.Path == finding.Path && f.Location.Span.Start == start && f.Message == finding.Message))
        {
            return "the finding is still there";
        }

        // New means more errors or warnings of a rule than before: a message that names a line
        // or a value the fix changed is the same problem, and a fix may bring to light a problem
        // the fixed one hid (a second fault of the same audience).
        var added = new List<string>();
        foreach (var rule in after.Where(IsProblem).Select(f => f.Id).Distinct())
        {
            var was = before.Count(f => f.Id == rule && IsProblem(f));
            var now = after.Count(f => f.Id == rule && IsProblem(f));
            if (now > was && !Completes(finding.Id, rule))
            {
                added.Add($"{now - was} more {rule}: " + after.Where(f => f.Id == rule && IsProblem(f)).Select(f => f.Message).Except(before.Select(f => f.Message)).FirstOrDefault());
            }
        }

        return added.Count == 0 ? null : "it adds " + string.Join("; ", added);
    }

    private static bool IsProblem(Finding f) => f.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning;

    /// <summary>
    /// A fix that joins a command cut in two (CIOL009, CIOL010) makes it run as written: a login
    /// that failed for want of its options now prints its credential, which CIOL017 or CIOL018
    /// then rightly reports.
    /// </summary>
    private static bool Completes(string fixedRule, string newRule)
        => fixedRule is "CIOL009" or "CIOL010" && newRule is "CIOL017" or "CIOL018";

    /// <summary>Where a position of the old text is in the new one, or null when an edit replaced it.</summary>
    private static int? Moved(int position, IEnumerable<TextChange> edits)
    {
        var shift = 0;
        foreach (var edit in edits)
        {
            if (edit.Span.End <= position && !(edit.Span.Length == 0 && edit.Span.Start == position))
            {
                shift += edit.NewText!.Length - edit.Span.Length;
            }
            else if (edit.Span.Start <= position && position < edit.Span.End)
            {
                return null;
            }
        }

        return position + shift;
    }

    private static IEnumerable<(string Name, string Text)> Pipelines()
    {
        foreach (var example in KnownPipelines.Examples())
        {
            yield return example;
        }

        var realworld = Path.Combine(CorpusLocation.Corpus, "realworld");
        if (Directory.Exists(realworld))
        {
            foreach (var file in Directory.GetFiles(realworld).Where(f => !f.EndsWith(".tsv", StringComparison.Ordinal)).OrderBy(p => p, StringComparer.Ordinal))
            {
                yield return ("realworld/" + Path.GetFileName(file), File.ReadAllText(file));
            }
        }
    }
}

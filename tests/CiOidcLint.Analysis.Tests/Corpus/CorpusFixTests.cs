using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Tests.Corpus;

/// <summary>
/// Every preferred fix applied to every real-world file (as <c>--fix</c> would): the result
/// still parses, the fixed findings are gone, no new error appears, and the loop settles well
/// before its bound. Then every offered fix, preferred or not, applied alone must not break the file.
/// </summary>
public sealed class CorpusFixTests
{
    public static IEnumerable<object[]> Files()
    {
        if (!CorpusLocation.Exists)
        {
            yield return new object[] { string.Empty };
            yield break;
        }

        foreach (var group in new[] { "realworld", "gitlab-templates", "gitlab-schema-tests/positive", "gitlab-schema-tests/negative" })
        {
            var folder = Path.Combine(CorpusLocation.Corpus, group);
            if (Directory.Exists(folder))
            {
                yield return new object[] { group };
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Fix_all_settles_and_never_breaks_a_file(string group)
    {
        Skip.If(group.Length == 0, CorpusLocation.SkipMessage);
        var folder = Path.Combine(CorpusLocation.Corpus, group);
        var fixedCount = 0;
        foreach (var file in Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal))
        {
            var disk = new PhysicalFileSystem(folder);
            var before = Analyze(disk, file!);
            var result = FixLoop.Run(disk, fs => Analyze(fs, file!));
            Assert.False(result.ReachedPassLimit, $"{group}/{file}: fixes did not settle");
            if (result.Applied.IsEmpty)
            {
                continue;
            }

            fixedCount += result.Applied.Length;
            var after = Analyze(result.Files, file!);
            Assert.DoesNotContain(after, f => f.Id == "CIOL000" && !before.Any(b => b.Id == "CIOL000"));
            var newErrors = after.Where(f => f.Severity == DiagnosticSeverity.Error).Select(Key).Except(before.Select(Key)).ToList();
            Assert.True(newErrors.Count == 0, $"{group}/{file}: fixes introduced {string.Join("; ", newErrors)}");
            Assert.DoesNotContain(after, f => f.Fixes.Any(x => x.IsPreferred));
        }

        // Checked by hand on the corpus; a drop to zero would mean fixes stopped being offered.
        if (group == "realworld")
        {
            Assert.True(fixedCount > 0, "no preferred fix applied on the real-world corpus");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Every_offered_fix_keeps_the_file_parsing(string group)
    {
        Skip.If(group.Length == 0, CorpusLocation.SkipMessage);
        var folder = Path.Combine(CorpusLocation.Corpus, group);
        foreach (var file in Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal))
        {
            var disk = new PhysicalFileSystem(folder);
            var before = Analyze(disk, file!);
            foreach (var finding in before.Where(f => !f.Fixes.IsEmpty).Take(50))
            {
                foreach (var fix in finding.Fixes)
                {
                    var overlay = new OverlayFileSystem(disk);
                    foreach (var change in fix.Changes)
                    {
                        overlay.SetText(change.Path, overlay.ReadFile(change.Path)!.WithChanges(change.Changes));
                    }

                    var after = Analyze(overlay, file!);
                    Assert.True(
                        !after.Any(f => f.Id == "CIOL000") || before.Any(f => f.Id == "CIOL000"),
                        $"{group}/{file}: '{fix.Title}' for {finding.Id} at {finding.Location} breaks the YAML");
                    Assert.DoesNotContain(after, f => Key(f) == Key(finding) && f.Location.Span == finding.Location.Span && fix.IsPreferred);
                }
            }
        }
    }

    private static List<Finding> Analyze(IPipelineFileSystem files, string file)
        => new RepositoryAnalysis(files).AnalyzePipeline(file)?.Findings.ToList() ?? new List<Finding>();

    private static string Key(Finding f) => $"{f.Id} {f.Path}: {f.Message}";
}

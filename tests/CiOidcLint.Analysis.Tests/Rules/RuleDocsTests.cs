using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Rules;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>
/// Keeps <c>docs/rules/</c> honest: every rule has a page with the same sections, and what a
/// page shows is what the analyzer does. Each failing example draws the page's rule and the
/// <c>```text</c> block after it is exactly what <c>cioidclint check</c> prints for it; each fixed
/// example draws no finding at all; a fixed example introduced as what <c>--fix</c> or a named
/// quick fix writes is exactly that text; each suppression example is silenced by its comment.
/// </summary>
public sealed class RuleDocsTests
{
    /// <summary>The sections every page has, in this order.</summary>
    public static readonly string[] Headings = { "What it flags", "Why it breaks", "Failing example", "Fixed example", "Quick fix", "How to suppress" };

    /// <summary>Introduces a fixed example that is the failing example after <c>cioidclint check --fix</c>.</summary>
    private const string FixAllMarker = "`cioidclint check --fix` writes";

    /// <summary>Introduces a fixed example that is the failing example after one quick fix, named in bold.</summary>
    private static readonly Regex NamedFixMarker = new(@"The quick fix \*\*(?<title>.+?)\*\* writes", RegexOptions.CultureInvariant);

    private static readonly Regex IgnoreComment = new(@"[ \t]*#[ \t]*cioidclint:[ \t]*ignore\[[^\]]*\][^\n]*", RegexOptions.CultureInvariant);

    private static string Docs => Path.Combine(Corpus.CorpusLocation.RepositoryRoot, "docs", "rules");

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Descriptor.Id);
        }

        return data;
    }

    /// <summary>
    /// What a page shows: every finding, but CIOL019 on other rules' pages. Their examples sketch
    /// one job and leave out the rules a real deploy job has, and the docs index says so.
    /// </summary>
    private static ImmutableArray<Finding> Shown(string id, (string Path, string Text)[] files)
        => Fixing.Analyze(files).Where(f => id == "CIOL019" || f.Id != "CIOL019").ToImmutableArray();

    private static IRule Rule(string id) => RuleCatalog.All.Single(r => r.Descriptor.Id == id);

    private static RulePage Page(string id)
    {
        var path = Path.Combine(Docs, id + ".md");
        Assert.True(File.Exists(path), $"{path} is missing");
        return RulePage.Read(path);
    }

    [Fact]
    public void Every_page_belongs_to_a_rule()
    {
        var pages = Directory.GetFiles(Docs, "CIOL*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(p => p, StringComparer.Ordinal);
        Assert.Equal(RuleCatalog.All.Select(r => r.Descriptor.Id).OrderBy(i => i, StringComparer.Ordinal), pages);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_page_names_the_rule_and_has_every_section(string id)
    {
        var rule = Rule(id);
        var page = Page(id);
        Assert.Equal($"# {id}: {rule.Name}", page.FirstLine);
        Assert.Equal(Headings, page.Sections.Select(s => s.Heading).Where(h => Headings.Contains(h)).ToArray());
        Assert.Equal(Headings.Length, page.Sections.Length);
        Assert.DoesNotContain("Status in 0.1", page.Text, StringComparison.Ordinal);
        Assert.EndsWith("/" + id + ".md", rule.Descriptor.HelpLinkUri, StringComparison.Ordinal);

        var tags = rule.Descriptor.CustomTags.Select(t => t switch
        {
            WellKnownDiagnosticTags.Unnecessary => "*unnecessary*",
            "Deprecated" => "*deprecated*",
            _ => null,
        }).Where(t => t is not null).ToList();
        var severity = rule.Descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        Assert.Contains($"\n**Default severity:** {severity} · **Tags:** {(tags.Count == 0 ? "none" : string.Join(", ", tags))}\n", page.Text, StringComparison.Ordinal);

        var suppress = page["How to suppress"]!.Body;
        Assert.Contains($"cioidclint: ignore[{id}]", suppress, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity = none", suppress, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_failing_example_draws_the_rule_and_shows_what_check_prints(string id)
    {
        var examples = Page(id)["Failing example"]!.Examples();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var findings = Shown(id, example.Files);
            Assert.True(findings.Any(f => f.Id == id), $"{id}'s failing example draws no {id}:\n{example.Pipeline.Content}\nfindings:\n{string.Join("\n", Report(findings))}");
            var shown = Assert.Single(example.Output);
            Assert.Contains("`cioidclint check` reports:", shown.ProseBefore, StringComparison.Ordinal);
            Assert.Equal(Report(findings), Lines(shown.Content));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_fixed_example_is_clean_and_is_what_its_fix_writes(string id)
    {
        var failing = Page(id)["Failing example"]!.Examples();
        var fixedExamples = Page(id)["Fixed example"]!.Examples();
        Assert.Equal(failing.Length, fixedExamples.Length);
        for (var i = 0; i < fixedExamples.Length; i++)
        {
            var example = fixedExamples[i];
            var findings = Shown(id, example.Files);
            Assert.True(findings.IsEmpty, $"{id}'s fixed example #{i + 1} draws findings:\n{string.Join("\n", Report(findings))}");

            var prose = example.Pipeline.ProseBefore;
            if (prose.Contains(FixAllMarker, StringComparison.Ordinal))
            {
                var result = FixLoop.Run(InMemory(failing[i].Files), files => new RepositoryAnalysis(files).Analyze(failing[i].Files.Select(f => f.Path)).SelectMany(r => r.Findings));
                Assert.Equal(example.Pipeline.Content, result.Files.ReadFile(RepositoryAnalysis.RootPipelinePath)!.ToString());
                var log = Assert.Single(example.Output);
                Assert.Equal(
                    result.Applied.Select(a => $"cioidclint: fixed {a.Path}:{a.Position.Line + 1}:{a.Position.Character + 1}: {a.RuleId} {a.Title}"),
                    Lines(log.Content));
            }
            else if (NamedFixMarker.Match(prose) is { Success: true } named)
            {
                var title = named.Groups["title"].Value.Replace("\\\\", "\\", StringComparison.Ordinal);
                var fix = Fixing.Analyze(failing[i].Files).SelectMany(f => f.Fixes).FirstOrDefault(f => f.Title == title);
                Assert.True(fix is not null, $"{id}'s failing example #{i + 1} offers no fix titled '{title}'");
                Assert.Equal(example.Pipeline.Content, Fixing.ApplyChanges(failing[i].Files, fix!)[RepositoryAnalysis.RootPipelinePath]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_quick_fix_section_names_each_fix_the_failing_examples_offer(string id)
    {
        var page = Page(id);
        var section = page["Quick fix"]!.Body;
        var fixes = page["Failing example"]!.Examples()
            .SelectMany(e => Fixing.Analyze(e.Files))
            .Where(f => f.Id == id)
            .SelectMany(f => f.Fixes)
            .ToList();
        if (fixes.Count == 0)
        {
            Assert.StartsWith("No quick fix", section.Trim(), StringComparison.Ordinal);
            return;
        }

        // Markdown reads '\\' as one backslash: a title with a backslash is written escaped.
        Assert.All(fixes.Select(f => f.Title).Distinct(), title => Assert.Contains($"**{title.Replace("\\", "\\\\", StringComparison.Ordinal)}**", section, StringComparison.Ordinal));
        if (fixes.Any(f => f.IsPreferred))
        {
            Assert.Contains("Preferred:", section, StringComparison.Ordinal);
        }

        if (fixes.Any(f => !f.IsPreferred))
        {
            Assert.Contains("Not preferred:", section, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_suppression_example_is_silenced_by_its_comment(string id)
    {
        var examples = Page(id)["How to suppress"]!.Examples();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            Assert.Contains("cioidclint: ignore[", example.Pipeline.Content, StringComparison.Ordinal);
            var findings = Fixing.Analyze(example.Files);
            Assert.False(findings.Any(f => f.Id == id), $"{id}'s suppression example still draws {id}:\n{string.Join("\n", Report(findings))}");
            var uncommented = example.Files.Select(f => (f.Path, IgnoreComment.Replace(f.Text, string.Empty))).ToArray();
            Assert.True(Fixing.Analyze(uncommented).Any(f => f.Id == id), $"{id}'s suppression example draws no {id} without its comment:\n{example.Pipeline.Content}");
        }
    }

    [Fact]
    public void The_docs_index_lists_every_rule()
    {
        var index = File.ReadAllText(Path.Combine(Docs, "README.md"));
        Assert.All(RuleCatalog.All, r => Assert.Contains($"| [{r.Descriptor.Id}]({r.Descriptor.Id}.md) | {r.Name} |", index, StringComparison.Ordinal));
        Assert.DoesNotContain("being built", index, StringComparison.Ordinal);
    }

    /// <summary>What <c>cioidclint check</c> prints for findings of a repository (no .editorconfig, paths relative to the root).</summary>
    private static List<string> Report(IEnumerable<Finding> findings)
        => findings
            .GroupBy(f => (f.Id, f.Path, f.Location.Span, f.Message))
            .Select(g => g.First())
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Location.LineSpan.Start.Line)
            .ThenBy(f => f.Location.LineSpan.Start.Character)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => $"{f.Path}:{f.Location.LineSpan.Start.Line + 1}:{f.Location.LineSpan.Start.Character + 1}: {Word(f.Severity)} {f.Id} {f.Message}")
            .ToList();

    private static string Word(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static List<string> Lines(string text) => text.TrimEnd('\n').Split('\n').ToList();

    private static InMemoryFileSystem InMemory((string Path, string Text)[] files)
    {
        var fileSystem = new InMemoryFileSystem();
        foreach (var (path, text) in files)
        {
            fileSystem.Add(path, text);
        }

        return fileSystem;
    }
}

using System.Text;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Support;

/// <summary>
/// Inline expectations, in the YAML under test. A comment line under a flagged line marks the
/// span and the rule: <c>#      ^^^^^^ CIOL004</c> (optionally followed by text the message must
/// contain). A span that starts in column 1 is written <c># CIOL016 @1</c> (1-based column).
/// Annotation lines are removed before analysis, so they work inside block scalars too.
/// </summary>
public static class Annotated
{
    private static readonly Regex Caret = new(@"^(?<pad>\s*#\s*)(?<marks>\^+)\s+(?<id>CIOL\d{3})\b\s*(?<text>.*)$");
    private static readonly Regex AtColumn = new(@"^\s*#\s*(?<id>CIOL\d{3})\s+@(?<col>\d+)\b\s*(?<text>.*)$");

    /// <summary>
    /// Info rules that fire on most sketches of a job (an unused token, an &amp;&amp; list): checked
    /// only in cases that annotate them, so other rules' cases stay to the point.
    /// </summary>
    private static readonly HashSet<string> UnlessAnnotated = new(StringComparer.Ordinal) { "CIOL011", "CIOL013", "CIOL019" };

    public sealed record Expectation(string Path, int Line, int Column, int? Length, string Id, string Text);

    /// <summary>Analyses the files (the first is the root pipeline) and asserts exactly the annotated findings.</summary>
    public static ImmutableFindings Verify(params (string Path, string Text)[] files)
    {
        var fileSystem = new InMemoryFileSystem();
        var expected = new List<Expectation>();
        foreach (var (path, text) in files)
        {
            fileSystem.Add(path, Strip(path, text, expected));
        }

        var results = new RepositoryAnalysis(fileSystem).Analyze(files.Select(f => f.Path));
        var annotatedIds = expected.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var actual = results.SelectMany(r => r.Findings)
            .Where(f => !UnlessAnnotated.Contains(f.Id) || annotatedIds.Contains(f.Id))
            .GroupBy(f => (f.Id, f.Path, f.Location.Span, f.Message)).Select(g => g.First())
            .ToList();
        Compare(expected, actual);
        return new ImmutableFindings(actual);
    }

    public static ImmutableFindings Verify(string rootPipeline) => Verify((RepositoryAnalysis.RootPipelinePath, rootPipeline));

    public static string Strip(string path, string text, List<Expectation> expected)
    {
        var output = new StringBuilder();
        var lineNumber = -1;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var caret = Caret.Match(line);
            var at = AtColumn.Match(line);
            if (caret.Success && lineNumber >= 0)
            {
                expected.Add(new Expectation(path, lineNumber, caret.Groups["pad"].Length, caret.Groups["marks"].Length > 1 ? caret.Groups["marks"].Length : null, caret.Groups["id"].Value, caret.Groups["text"].Value.Trim()));
                continue;
            }

            if (at.Success && lineNumber >= 0)
            {
                expected.Add(new Expectation(path, lineNumber, int.Parse(at.Groups["col"].Value) - 1, null, at.Groups["id"].Value, at.Groups["text"].Value.Trim()));
                continue;
            }

            output.Append(lines[i]);
            if (i < lines.Length - 1)
            {
                output.Append('\n');
            }

            lineNumber++;
        }

        return output.ToString();
    }

    private static void Compare(List<Expectation> expected, List<Finding> actual)
    {
        var unmatched = new List<Finding>(actual);
        var missing = new List<Expectation>();
        foreach (var e in expected)
        {
            var match = unmatched.FirstOrDefault(f =>
                f.Id == e.Id && f.Path == e.Path
                && f.Location.LineSpan.Start.Line == e.Line
                && f.Location.LineSpan.Start.Character == e.Column
                && (e.Length is null || f.Location.Span.Length == e.Length)
                && (e.Text.Length == 0 || f.Message.Contains(e.Text, StringComparison.Ordinal)));
            if (match is null)
            {
                missing.Add(e);
            }
            else
            {
                unmatched.Remove(match);
            }
        }

        if (missing.Count > 0 || unmatched.Count > 0)
        {
            var report = new StringBuilder();
            foreach (var e in missing)
            {
                report.AppendLine($"expected, not found: {e.Path}:{e.Line + 1}:{e.Column + 1} (length {e.Length?.ToString() ?? "any"}) {e.Id} {e.Text}");
            }

            foreach (var f in unmatched)
            {
                report.AppendLine($"found, not expected: {Describe(f)}");
            }

            report.AppendLine("all findings:");
            foreach (var f in actual)
            {
                report.AppendLine("  " + Describe(f));
            }

            Assert.Fail(report.ToString());
        }
    }

    public static string Describe(Finding f)
    {
        var start = f.Location.LineSpan.Start;
        return $"{f.Path}:{start.Line + 1}:{start.Character + 1} (length {f.Location.Span.Length}) {f.Id} {f.Message}";
    }
}

public sealed class ImmutableFindings
{
    public ImmutableFindings(IReadOnlyList<Finding> findings)
    {
        All = findings;
    }

    public IReadOnlyList<Finding> All { get; }

    public Finding Single(string id) => Assert.Single(All, f => f.Id == id);
}

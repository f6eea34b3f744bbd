using System.Collections.Immutable;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Tests.Support;

/// <summary>
/// Code-fix tests: analyse, pick one finding and one of its fixes, apply it to the source text,
/// then re-analyse and check that the finding is gone and no other finding appeared or vanished.
/// </summary>
public static class Fixing
{
    public static ImmutableArray<Finding> Analyze(params (string Path, string Text)[] files)
    {
        var fileSystem = new InMemoryFileSystem();
        foreach (var (path, text) in files)
        {
            fileSystem.Add(path, text);
        }

        return new RepositoryAnalysis(fileSystem).Analyze(files.Select(f => f.Path)).SelectMany(r => r.Findings).ToImmutableArray();
    }

    /// <summary>The fixes offered for the <paramref name="occurrence"/>-th finding of <paramref name="id"/>.</summary>
    public static ImmutableArray<CodeFix> Offered(string yaml, string id, int occurrence = 0)
        => Analyze((RepositoryAnalysis.RootPipelinePath, yaml)).Where(f => f.Id == id).ElementAt(occurrence).Fixes;

    /// <summary>Applies a fix to a one-file pipeline and returns the new text.</summary>
    public static string Apply(string yaml, string id, string? title = null, int occurrence = 0, params string[] alsoGone)
        => Apply(new[] { (RepositoryAnalysis.RootPipelinePath, yaml) }, id, title, occurrence, alsoGone)[RepositoryAnalysis.RootPipelinePath];

    public static IReadOnlyDictionary<string, string> Apply((string Path, string Text)[] files, string id, string? title = null, int occurrence = 0, params string[] alsoGone)
    {
        var before = Analyze(files);
        var matching = before.Where(f => f.Id == id).ToList();
        Assert.True(matching.Count > occurrence, $"expected a {id} finding #{occurrence}; found: {Describe(before)}");
        var finding = matching[occurrence];
        Assert.False(finding.Fixes.IsEmpty, $"{id} '{finding.Message}' offers no fix");
        var fix = title is null ? Assert.Single(finding.Fixes) : finding.Fixes.SingleOrDefault(f => f.Title == title)
            ?? throw new Xunit.Sdk.XunitException($"no fix titled '{title}'; offered: {string.Join(" | ", finding.Fixes.Select(f => f.Title))}");

        var after = ApplyChanges(files, fix);
        var reanalysed = Analyze(after.Select(kv => (kv.Key, kv.Value)).ToArray());
        // CIOL019 says which credentials a job gets and where it runs: a fix that gives a job an ID
        // token rightly adds or rewords it. Only its own fix tests compare it.
        bool Compared(Finding f) => id == "CIOL019" || f.Id != "CIOL019";
        var expected = Keys(before.Where(Compared)).ToList();
        expected.Remove(Key(finding));
        foreach (var gone in alsoGone)
        {
            expected.RemoveAll(k => k.StartsWith(gone + " ", StringComparison.Ordinal));
        }

        var actual = Keys(reanalysed.Where(Compared)).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"after the fix the findings changed.\nexpected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", actual)}\nfixed text:\n{string.Join("\n---\n", after.Values)}");
        return after;
    }

    public static Dictionary<string, string> ApplyChanges((string Path, string Text)[] files, CodeFix fix)
    {
        var texts = files.ToDictionary(f => f.Path, f => SourceText.From(f.Text), StringComparer.Ordinal);
        foreach (var change in fix.Changes)
        {
            texts[change.Path] = texts.TryGetValue(change.Path, out var text)
                ? text.WithChanges(change.Changes)
                : SourceText.From(string.Empty).WithChanges(change.Changes);
        }

        return texts.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
    }

    private static IEnumerable<string> Keys(IEnumerable<Finding> findings)
        => findings.Select(Key).OrderBy(k => k, StringComparer.Ordinal);

    private static string Key(Finding f) => $"{f.Id} {f.Path}: {f.Message}";

    private static string Describe(IEnumerable<Finding> findings) => string.Join("; ", findings.Select(Key));
}

using System.Text;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Corpus;

/// <summary>
/// The engine over every file of the shared corpus: no exception anywhere, no CIOL008 on
/// GitLab's positive schema cases, and the findings compared with golden files
/// (<c>Golden/corpus/*.expected</c>; set <c>CIOIDCLINT_UPDATE_GOLDEN=1</c> to rewrite them and
/// review the diff).
/// </summary>
public sealed class CorpusTests
{
    /// <summary>Corpus groups: a folder that is one repository, or a folder of independent files.</summary>
    public static IEnumerable<object[]> Groups()
    {
        yield return new object[] { "realworld", false };
        yield return new object[] { "gitlab-schema-tests/positive", false };
        yield return new object[] { "gitlab-schema-tests/negative", false };
        yield return new object[] { "gitlab-templates", false };
        yield return new object[] { "gitlab-runner-pipeline", true };
        yield return new object[] { "gitlab-own-pipeline", true };
        yield return new object[] { "gitlab-ci-local-cases", true };
    }

    [SkippableTheory]
    [MemberData(nameof(Groups))]
    public void Corpus_group_matches_its_golden_findings(string group, bool repositories)
    {
        Skip.IfNot(CorpusLocation.Exists, CorpusLocation.SkipMessage);
        var folder = Path.Combine(CorpusLocation.Corpus, group);
        Skip.IfNot(Directory.Exists(folder), $"{folder} is not in this corpus");

        var findings = new List<string>();
        if (repositories && group == "gitlab-ci-local-cases")
        {
            foreach (var caseFolder in Directory.GetDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
            {
                findings.AddRange(AnalyzeRepository(caseFolder, Path.GetFileName(caseFolder) + "/"));
            }
        }
        else if (repositories)
        {
            findings.AddRange(AnalyzeRepository(folder, string.Empty));
        }
        else
        {
            findings.AddRange(AnalyzeFiles(folder));
        }

        if (group == "gitlab-schema-tests/positive")
        {
            Assert.DoesNotContain(findings, f => f.Contains(" CIOL008 ", StringComparison.Ordinal));
        }

        Golden.Compare(Path.Combine("corpus", group.Replace('/', '-') + ".expected"), string.Join("\n", findings) + "\n");
    }

    /// <summary>
    /// CIOL019 judges only a project's own <c>.gitlab-ci.yml</c>. The real-world corpus names each
    /// file <c>owner__repo__path</c>; those whose path is the project's root pipeline are analysed
    /// under that name here, and every CIOL019 they draw is in the golden file, judged by hand.
    /// </summary>
    [SkippableFact]
    public void Real_root_pipelines_match_their_golden_CIOL019_findings()
    {
        Skip.IfNot(CorpusLocation.Exists, CorpusLocation.SkipMessage);
        var folder = Path.Combine(CorpusLocation.Corpus, "realworld");
        var findings = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*__.gitlab-ci.yml").OrderBy(f => f, StringComparer.Ordinal))
        {
            var fileSystem = new InMemoryFileSystem();
            fileSystem.Add(RepositoryAnalysis.RootPipelinePath, File.ReadAllText(file));
            var result = new RepositoryAnalysis(fileSystem).AnalyzePipeline(RepositoryAnalysis.RootPipelinePath)!;
            findings.AddRange(Format(result.Findings.Where(f => f.Id == "CIOL019"), Path.GetFileName(file) + " "));
        }

        Golden.Compare(Path.Combine("corpus", "realworld-root-pipelines-CIOL019.expected"), string.Join("\n", findings) + "\n");
    }

    /// <summary>The repository's root pipeline, and every other YAML file in it as a pipeline of its own.</summary>
    private static IEnumerable<string> AnalyzeRepository(string root, string prefix)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var results = new RepositoryAnalysis(new PhysicalFileSystem(root)).Analyze(files);
        return Format(results.SelectMany(r => r.Findings), prefix);
    }

    /// <summary>Each file of the folder as a pipeline of its own, whatever its name.</summary>
    private static IEnumerable<string> AnalyzeFiles(string folder)
    {
        var fileSystem = new PhysicalFileSystem(folder);
        foreach (var file in Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal))
        {
            var result = new RepositoryAnalysis(fileSystem).AnalyzePipeline(file!);
            foreach (var line in Format(result!.Findings, string.Empty))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> Format(IEnumerable<Finding> findings, string prefix)
        => findings
            .GroupBy(f => (f.Id, f.Path, f.Location.Span, f.Message)).Select(g => g.First())
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Span.Start)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .Select(f =>
            {
                var start = f.Location.LineSpan.Start;
                return $"{prefix}{f.Path}:{start.Line + 1}:{start.Character + 1}: {f.Severity.ToString().ToLowerInvariant()} {f.Id} {f.Message}";
            });
}

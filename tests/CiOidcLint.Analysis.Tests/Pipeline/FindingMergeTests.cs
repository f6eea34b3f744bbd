using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Pipeline;

/// <summary>A file included by two pipelines: its problems are reported once, naming the jobs of both.</summary>
public sealed class FindingMergeTests
{
    private static readonly InMemoryFileSystem Repository = new InMemoryFileSystem()
        .Add("ci/shared.yml", ".login:\n  script:\n    - export T=$(vault write -field=token auth/jwt/login)\n    - vault login jwt=$CI_JOB_JWT\n")
        .Add(".gitlab-ci.yml", "include: ci/shared.yml\na:\n  extends: .login\n  id_tokens:\n    A_TOKEN: {aud: https://vault.acme.internal}\n")
        .Add("other.gitlab-ci.yml", "include: ci/shared.yml\nb:\n  extends: .login\n  id_tokens:\n    B_TOKEN: {aud: https://vault.acme.internal}\n");

    [Fact]
    public void Each_pipeline_finds_the_shared_problem_and_the_merge_reports_it_once()
    {
        var results = new RepositoryAnalysis(Repository).Analyze(new[] { "other.gitlab-ci.yml" });
        Assert.Equal(2, results.Length);
        // The shared file's login also prints a token (CIOL018); this test is about the two others.
        var all = results.SelectMany(r => r.Findings).Where(f => f.Path == "ci/shared.yml" && f.Id != "CIOL018").ToList();
        Assert.Equal(4, all.Count);

        var merged = FindingMerge.AcrossPipelines(all).OrderBy(f => f.Location.Span.Start).ToList();
        Assert.Equal(new[] { "CIOL004", "CIOL001" }, merged.Select(f => f.Id).ToArray());
        foreach (var finding in merged)
        {
            Assert.EndsWith("(in jobs 'a', 'b')", finding.Message, StringComparison.Ordinal);
            Assert.Equal(new[] { "a", "b" }, finding.Jobs.ToArray());
        }

        // The export split is the same text for both pipelines; the CI_JOB_JWT fix names each
        // pipeline's own token, so no fix is right for both.
        Assert.Equal(all.First(f => f.Id == "CIOL004").Fixes.Select(f => f.Title), merged[0].Fixes.Select(f => f.Title));
        Assert.NotEmpty(merged[0].Fixes);
        Assert.All(all.Where(f => f.Id == "CIOL001"), f => Assert.NotEmpty(f.Fixes));
        Assert.Empty(merged[1].Fixes);
    }

    [Fact]
    public void Findings_of_one_pipeline_and_different_places_stay_apart()
    {
        var results = new RepositoryAnalysis(Repository).Analyze(Array.Empty<string>());
        var findings = Assert.Single(results).Findings;
        Assert.Equal(findings.Select(f => f.Message), FindingMerge.AcrossPipelines(findings).Select(f => f.Message));
    }
}

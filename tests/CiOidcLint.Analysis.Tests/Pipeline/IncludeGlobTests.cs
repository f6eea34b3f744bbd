using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Pipeline;

/// <summary>include: globs: only stars are wildcards, matching stays linear, a glob skips its own file and rejects files that are not YAML.</summary>
public sealed class IncludeGlobTests
{
    private static PipelineConfig Build(params (string Path, string Text)[] files) => Pipelines.Build(files);

    [Theory]
    [InlineData("ci/job[1].yml")]
    [InlineData("ci/a?.yml")]
    public void Only_stars_are_wildcards(string literalPath)
    {
        var pipeline = Build((".gitlab-ci.yml", $"include: '{literalPath}'\n"), (literalPath, "a:\n  script: [x]\n"));
        Assert.Empty(pipeline.Problems);
        Assert.NotNull(pipeline.FindJob("a"));
    }

    [Fact]
    public void Pathological_stars_match_in_bounded_time()
    {
        var glob = IncludeGlob.Create("**a**a**a**a**a**a**a**a**b.yml");
        Assert.False(glob.IsMatch("x/" + new string('a', 120) + ".yml"));
        Assert.True(glob.IsMatch("x/" + new string('a', 120) + "b.yml"));
    }

    [Fact]
    public void A_glob_that_matches_its_own_file_skips_it()
    {
        var pipeline = Build((".gitlab-ci.yml", "include: ci/c.yml\n"), ("ci/c.yml", "include: 'ci/**.yml'\nc:\n  script: [x]\n"), ("ci/d.yml", "d:\n  script: [x]\n"));
        Assert.Empty(pipeline.Problems);
        Assert.NotNull(pipeline.FindJob("d"));
    }

    [Fact]
    public void A_glob_that_matches_a_non_yaml_file_is_an_error()
    {
        var pipeline = Build((".gitlab-ci.yml", "include: 'ci/*'\n"), ("ci/a.yml", "a:\n  script: [x]\n"), ("ci/notes.txt", "hello"));
        Assert.Contains("not a .yml or .yaml file", Assert.Single(pipeline.Problems).Message);
    }
}

using System.Diagnostics;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Pipeline;

/// <summary>Cases a review found: each failed, crashed or hung before its fix.</summary>
public sealed class ReviewRegressionTests
{
    private static PipelineConfig Build(params (string Path, string Text)[] files) => Pipelines.Build(files);

    [Fact]
    public void References_that_fan_out_cost_linear_time()
    {
        var text = ".l0:\n  script: [echo]\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
            $".l{i}:\n  script:\n" + string.Concat(Enumerable.Repeat($"    - !reference [.l{i - 1}, script]\n", 8)))) + "job:\n  script: [!reference [.l9, script]]\n";
        var watch = Stopwatch.StartNew();
        var pipeline = Build((".gitlab-ci.yml", text));
        var lines = pipeline.FindJob("job")!.ScriptLines.Length;
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "composing took " + watch.Elapsed);
        Assert.Equal(Job.MaxScriptLines, lines);
    }

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

    [Fact]
    public void Eleven_levels_of_extends_are_allowed_and_twelve_are_not()
    {
        string Chain(int levels) => ".t0:\n  script: [x]\n" + string.Concat(Enumerable.Range(1, levels - 1).Select(i => $".t{i}:\n  extends: .t{i - 1}\n")) + $"job:\n  extends: .t{levels - 1}\n";
        Assert.Empty(Build((".gitlab-ci.yml", Chain(11))).Problems);
        Assert.Single(Build((".gitlab-ci.yml", Chain(12))).Problems);
    }

    [Fact]
    public void An_unresolved_reference_is_not_a_script_line()
    {
        var pipeline = Build((".gitlab-ci.yml", "job:\n  script: [echo, !reference [.missing, script]]\n"));
        Assert.Equal(new[] { "echo" }, pipeline.FindJob("job")!.ScriptLines.Select(l => l.Text));
    }

    [Fact]
    public void A_list_used_twice_runs_twice()
    {
        var pipeline = Build((".gitlab-ci.yml", ".tpl:\n  script: [a, b]\njob:\n  script:\n    - !reference [.tpl, script]\n    - !reference [.tpl, script]\n    - c\n"));
        var lines = pipeline.FindJob("job")!.ScriptLines;
        Assert.Equal(new[] { "a", "b", "a", "b", "c" }, lines.Select(l => l.Text));
        Assert.Equal(new[] { false, false, false, false, true }, lines.Select(l => l.IsLastInShell));
    }

    [Fact]
    public void A_default_that_references_an_unread_include_holds_its_jobs_back()
    {
        Annotated.Verify(@"
include:
  - project: org/templates
#            ^^^^^^^^^^^^^ CIOL015 'job'
    file: /tokens.yml
default:
  id_tokens: !reference [.org_tokens, id_tokens]
job:
  secrets:
    S:
      vault: p/f@e
  script: [x]
");
    }

    [Theory]
    [InlineData("no")]
    [InlineData("off")]
    [InlineData("False")]
    public void Inherit_default_takes_every_yaml_false(string value)
    {
        var pipeline = Build((".gitlab-ci.yml", $"default:\n  id_tokens:\n    T: {{ aud: a }}\njob:\n  inherit:\n    default: {value}\n  script: [x]\n"));
        Assert.Empty(pipeline.FindJob("job")!.IdTokens);
    }

    [Fact]
    public void A_duplicate_key_is_named_without_its_anchor_or_quotes()
    {
        Annotated.Verify("job:\n  &a \"script\": [x]\n# ^^^^^^^^^^^ CIOL016 The key 'script' is written again\n  script: [y]\n");
    }

    [Fact]
    public void Findings_name_no_pseudo_job_for_default()
    {
        var findings = Annotated.Verify("default:\n  id_tokens:\n    T: {}\n#   ^ CIOL002 in job 'job'\njob:\n  script: [x]\n");
        Assert.Equal(new[] { "job" }, findings.Single("CIOL002").Jobs);
    }
}

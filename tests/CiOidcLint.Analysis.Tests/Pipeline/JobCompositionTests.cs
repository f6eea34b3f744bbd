using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Pipeline;

/// <summary>How jobs are composed: !reference fan-out and reuse, extends depth, inherit:default, a default that depends on an unread include.</summary>
public sealed class JobCompositionTests
{
    private static PipelineConfig Build(params (string Path, string Text)[] files) => Pipelines.Build(files);

    [Fact]
    public void References_that_fan_out_stop_at_the_script_line_cap()
    {
        var text = ".l0:\n  script: [echo]\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
            $".l{i}:\n  script:\n" + string.Concat(Enumerable.Repeat($"    - !reference [.l{i - 1}, script]\n", 8)))) + "job:\n  script: [!reference [.l9, script]]\n";
        var pipeline = Build((".gitlab-ci.yml", text));
        var lines = pipeline.FindJob("job")!.ScriptLines.Length;
        Assert.Equal(Job.MaxScriptLines, lines);
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
}

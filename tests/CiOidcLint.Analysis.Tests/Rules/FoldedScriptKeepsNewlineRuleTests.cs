using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL009: a folded script item whose more-indented lines keep their line breaks.</summary>
public sealed class FoldedScriptKeepsNewlineRuleTests
{
    private static List<string> Ids(string yaml) => Fixing.Analyze((".gitlab-ci.yml", yaml)).Select(f => f.Id).ToList();

    private static List<string> Findings(string yaml, string id)
        => Fixing.Analyze((".gitlab-ci.yml", yaml)).Where(f => f.Id == id).Select(f => $"{f.Location.LineSpan.Start.Line + 1}:{f.Location.LineSpan.Start.Character + 1} {f.Message}").ToList();

    [Fact]
    public void CIOL009_flags_each_run_of_more_indented_lines_in_a_folded_block_once()
    {
        const string yaml = "job:\n  script:\n    - >\n      curl -X POST\n        --data @payload.json\n        --header 'Content-Type: application/json'\n      https://api.example.org/hook\n";
        var finding = Assert.Single(Findings(yaml, "CIOL009"));
        Assert.StartsWith("5:9 ", finding, StringComparison.Ordinal);
        Assert.Contains("runs '--data' as a command of its own (in job 'job')", finding, StringComparison.Ordinal);
        Assert.Equal(
            "job:\n  script:\n    - >\n      curl -X POST\n      --data @payload.json\n      --header 'Content-Type: application/json'\n      https://api.example.org/hook\n",
            Fixing.Apply(yaml, "CIOL009", "Indent the continued lines like the first line"));
    }

    [Theory]
    [InlineData("    - >\n      if true; then\n        echo yes\n      fi\n")]
    [InlineData("    - >-\n      for f in *.yml; do\n        yamllint $f\n      done\n")]
    [InlineData("    - >\n      curl -X POST \\\n        --data x\n")]
    [InlineData("    - >\n      echo \"one\n        two\"\n")]
    [InlineData("    - |\n      curl -X POST\n        --data x\n")]
    [InlineData("    - >\n      all on one level\n      still one command\n")]
    public void CIOL009_accepts_breaks_the_shell_accepts_and_other_block_styles(string script)
        => Assert.Empty(Findings("job:\n  script:\n" + script, "CIOL009"));

    [Fact]
    public void CIOL009_a_kept_break_inside_an_open_substitution_still_cuts_the_command()
    {
        const string yaml = "job:\n  script:\n    - >\n      OUT=$(aws sts assume-role-with-web-identity\n        --role-arn \"$ROLE\")\n";
        Assert.Contains("CIOL009", Ids(yaml));
        Assert.DoesNotContain("CIOL009", Ids("job:\n  script:\n    - >\n      echo \"a\n        b\"\n"));
    }
}

using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL011: an and-list before the last line, whose failure errexit ignores.</summary>
public sealed class AndListIgnoresFailureRuleTests
{
    private static List<string> Ids(string yaml) => Fixing.Analyze((".gitlab-ci.yml", yaml)).Select(f => f.Id).ToList();

    private static List<string> Findings(string yaml, string id)
        => Fixing.Analyze((".gitlab-ci.yml", yaml)).Where(f => f.Id == id).Select(f => $"{f.Location.LineSpan.Start.Line + 1}:{f.Location.LineSpan.Start.Character + 1} {f.Message}").ToList();

    [Fact]
    public void CIOL011_flags_and_lists_before_the_last_line_only()
    {
        const string yaml = "job:\n  before_script:\n    - cd build && make\n  script:\n    - test -f x && rm x\n    - if make && make test; then echo ok; fi\n    - make || true && echo\n    - mkdir out && cp a out/\n    - make deploy && echo done\n  after_script:\n    - a && b\n";
        var findings = Findings(yaml, "CIOL011");
        Assert.Equal(2, findings.Count);
        Assert.StartsWith("3:7 'cd' runs before '&&'", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("8:7 'mkdir' runs before '&&'", findings[1], StringComparison.Ordinal);
        var fix = Assert.Single(Fixing.Offered(yaml, "CIOL011"));
        Assert.False(fix.IsPreferred);
        Assert.Equal(
            "job:\n  before_script:\n    - cd build\n    - make\n  script:\n    - test -f x && rm x\n    - if make && make test; then echo ok; fi\n    - make || true && echo\n    - mkdir out && cp a out/\n    - make deploy && echo done\n  after_script:\n    - a && b\n",
            Fixing.Apply(yaml, "CIOL011", "Split into two script lines"));
    }

    [Fact]
    public void CIOL011_inside_a_literal_block_splits_into_two_lines()
    {
        const string yaml = "job:\n  script:\n    - |\n      cd infra && terraform init\n      terraform apply\n";
        Assert.Equal(
            "job:\n  script:\n    - |\n      cd infra\n      terraform init\n      terraform apply\n",
            Fixing.Apply(yaml, "CIOL011", "Split into two script lines"));
    }

    [Theory]
    [InlineData("    - (cd sub && ./build.sh)\n", 0)]
    [InlineData("    - login() { ./get-token.sh > token && vault login token; }\n    - login\n", 0)]
    [InlineData("    - function login { ./get-token.sh > token && vault login token; }\n    - login\n", 0)]
    [InlineData("    - (cd sub && ./build.sh; echo built)\n", 1)]
    [InlineData("    - '{ cd sub && ./build.sh; }'\n", 1)]
    [InlineData("    - if true; then cd sub && ./build.sh; fi\n", 1)]
    [InlineData("    - cd sub && (make && make install)\n", 1)]
    public void CIOL011_leaves_the_last_list_of_a_subshell_or_a_function_whose_failure_stops_the_job(string lines, int expected)
    {
        // As bash -e does: a failing subshell or function call stops the job, a brace group or an if body does not.
        var yaml = "job:\n  script:\n" + lines + "    - echo last\n";
        Assert.Equal(expected, Findings(yaml, "CIOL011").Count);
    }

    [Fact]
    public void CIOL011_judges_whole_jobs_only()
        => Assert.DoesNotContain("CIOL011", Ids(".unused:\n  script:\n    - cd x && make\n    - echo\n"));
}

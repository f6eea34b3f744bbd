using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class ConfigurationErrorRuleTests
{
    [Fact]
    public void An_unterminated_quote_is_reported_at_the_quote()
    {
        Annotated.Verify("job:\n  script:\n    - 'echo oops\n#     ^ CIOL000\n");
    }

    [Fact]
    public void A_tab_used_as_indentation_is_reported_at_the_tab()
    {
        Annotated.Verify("job:\n\tscript: [x]\n# CIOL000 @1\n");
    }

    [Fact]
    public void An_unclosed_flow_sequence_is_reported_at_its_bracket()
    {
        Annotated.Verify("job:\n  script: [one,\n#         ^ CIOL000 not closed\nother: 2\n");
    }

    [Fact]
    public void An_undefined_alias_is_reported_at_the_alias()
    {
        Annotated.Verify("job:\n  script: *nope\n#         ^^^^^ CIOL000 '*nope'\n");
    }

    [Fact]
    public void Jobs_before_a_syntax_error_are_still_analysed()
    {
        Annotated.Verify(@"
first:
  script:
    - echo $CI_JOB_JWT_V2
#          ^^^^^^^^^^^^^^ CIOL001
broken:
  script: ""unterminated
#         ^ CIOL000
");
    }

    [Fact]
    public void A_missing_include_and_a_bad_extends_are_errors_where_they_are_written()
    {
        Annotated.Verify(@"
include:
  - local: ci/missing.yml
#          ^^^^^^^^^^^^^^ CIOL000 does not exist
job:
  extends: .nowhere
#          ^^^^^^^^ CIOL000 '.nowhere'
  script: [x]
");
    }

    [Fact]
    public void A_reference_to_nothing_is_an_error()
    {
        Annotated.Verify(@"
job:
  script:
    - !reference [.setup, script]
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL000 refers to nothing
");
    }

    [Fact]
    public void A_reference_written_as_one_name_is_an_error()
    {
        Annotated.Verify(@"
.setup:
  script: [x]
job:
  before_script: !reference .setup
#                ^^^^^^^^^^^^^^^^^ CIOL000 takes a list of names
  script:
    - !reference .setup.script
#     ^^^^^^^^^^^^^^^^^^^^^^^^ CIOL000 takes a list of names
");
    }

    [Fact]
    public void A_binary_file_is_an_error_not_a_crash()
    {
        Annotated.Verify("job:\n  script: [x]\0\n#            ^ CIOL000 binary\n");
    }

    [Fact]
    public void A_file_larger_than_gitlabs_limit_is_an_error()
    {
        var big = "job:\n# CIOL000 @1 larger than GitLab's limit\n  script:\n" + string.Concat(Enumerable.Repeat("    - echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n", 30_000));
        var finding = Annotated.Verify(big);
        Assert.Single(finding.All);
    }

    [Fact]
    public void Nesting_deeper_than_150_levels_is_an_error()
    {
        var deep = "a: " + new string('[', 151) + new string(']', 151) + "\n";
        var findings = Annotated.Verify(deep + "# CIOL000 @153 deeper than\n");
        Assert.Single(findings.All);
    }

    [Fact]
    public void An_alias_bomb_costs_linear_time()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 40; i++)
        {
            lines.Add($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]");
        }

        lines.Add("job:\n  script: *a39\n  variables:\n    X: $CI_JOB_JWT\n#      ^^^^^^^^^^^ CIOL001");
        Annotated.Verify(string.Join("\n", lines) + "\n");
    }
}

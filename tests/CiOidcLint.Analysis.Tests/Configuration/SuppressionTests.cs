using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Configuration;

public sealed class SuppressionTests
{
    private const string Export = "export A=$(aws sts get-session-token)";

    private static IEnumerable<string> Ids(string yaml) => Fixing.Analyze((".gitlab-ci.yml", yaml)).Select(f => f.Id);

    [Fact]
    public void A_comment_at_the_end_of_the_line_silences_the_listed_rule()
    {
        Assert.Contains("CIOL004", Ids($"job:\n  script:\n    - {Export}\n"));
        Assert.DoesNotContain("CIOL004", Ids($"job:\n  script:\n    - {Export}  # cioidclint: ignore[CIOL004]\n"));
        Assert.DoesNotContain("CIOL004", Ids($"job:\n  script:\n    - {Export} #cioidclint:ignore[CIOL011, CIOL004] -- the role never fails here\n"));
    }

    [Theory]
    [InlineData(8175)]
    [InlineData(8182)]
    [InlineData(8186)]
    [InlineData(8192)]
    [InlineData(16364)]
    public void A_comment_is_found_wherever_it_falls_in_a_long_file(int markerAt)
    {
        // The comments are searched for in windows of 8,192 characters that overlap by the
        // marker's length: a marker across a window's edge is found too.
        var head = "job:\n  script:\n";
        var item = $"    - {Export}  # ";
        var filler = "    # " + new string('x', markerAt - head.Length - item.Length - 7) + "\n";
        var yaml = head + filler + item + "cioidclint: ignore[CIOL004]\n    - " + Export + "\n";
        Assert.Equal(markerAt, yaml.IndexOf("cioidclint:", StringComparison.Ordinal));
        Assert.Equal(1, Ids(yaml).Count(id => id == "CIOL004"));
    }

    [Fact]
    public void A_comment_alone_on_the_line_above_silences_the_listed_rule()
    {
        Assert.DoesNotContain("CIOL004", Ids($"job:\n  script:\n    # cioidclint: ignore[CIOL004] -- reason\n    - {Export}\n"));
    }

    [Fact]
    public void Other_rules_other_lines_and_look_alikes_are_not_silenced()
    {
        Assert.Contains("CIOL004", Ids($"job:\n  script:\n    - {Export}  # cioidclint: ignore[CIOL011]\n"));
        Assert.Contains("CIOL004", Ids($"job:\n  script:\n    # cioidclint: ignore[CIOL004]\n    - echo hi\n    - {Export}\n"));
        // A comment after code on the line above applies to that line only.
        Assert.Contains("CIOL004", Ids($"job:\n  script:\n    - echo hi # cioidclint: ignore[CIOL004]\n    - {Export}\n"));
        // Inside a quoted scalar, '#' is text.
        Assert.Contains("CIOL004", Ids($"job:\n  script:\n    - \"{Export} # cioidclint: ignore[CIOL004]\"\n"));
    }

    [Fact]
    public void Inside_a_block_scalar_the_comment_goes_on_or_above_the_line_that_opens_it()
    {
        Assert.DoesNotContain("CIOL004", Ids($"job:\n  script:\n    # cioidclint: ignore[CIOL004]\n    - |\n      echo start\n      {Export}\n"));
        Assert.DoesNotContain("CIOL004", Ids($"job:\n  script:\n    - | # cioidclint: ignore[CIOL004]\n      echo start\n      {Export}\n"));
        // A '#' line inside the block is a shell comment, not a suppression.
        Assert.Contains("CIOL004", Ids($"job:\n  script:\n    - |\n      # cioidclint: ignore[CIOL004]\n      {Export}\n"));
    }

    [Fact]
    public void Findings_on_keys_are_silenced_too()
    {
        const string yaml = "job:\n  id_tokens:\n    TOKEN: {}  # cioidclint: ignore[CIOL002]\n  script: echo $TOKEN\n";
        Assert.DoesNotContain("CIOL002", Ids(yaml));
    }

    [Fact]
    public void Comments_in_crlf_files_work_too()
    {
        Assert.DoesNotContain("CIOL004", Ids($"job:\r\n  script:\r\n    - {Export}  # cioidclint: ignore[CIOL004]\r\n"));
        Assert.DoesNotContain("CIOL004", Ids($"job:\r\n  script:\r\n    # cioidclint: ignore[CIOL004] -- reason\r\n    - {Export}\r\n"));
    }

    [Fact]
    public void Comments_in_files_with_lone_cr_or_unicode_line_breaks_work_as_yaml_reads_those_lines()
    {
        // YAML 1.1, which GitLab's parser follows, ends lines at a lone CR and at U+2028 too.
        Assert.Contains("CIOL004", Ids($"job:\r  script:\r    - {Export}\r"));
        Assert.DoesNotContain("CIOL004", Ids($"job:\r  script:\r    - {Export}  # cioidclint: ignore[CIOL004]\r"));
        Assert.DoesNotContain("CIOL004", Ids($"job:\u2028  script:\u2028    # cioidclint: ignore[CIOL004]\u2028    - {Export}\u2028"));
    }
}

using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class DuplicateKeyRuleTests
{
    [Fact]
    public void The_first_of_two_keys_is_reported_and_the_last_one_wins()
    {
        var findings = Annotated.Verify(@"
job:
  script:
# ^^^^^^ CIOL016 written again on line 5
    - echo first
  script:
    - export TOKEN=$(vault write auth/jwt/login)
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004
");
        Assert.Equal(2, findings.All.Count);
    }

    [Fact]
    public void Duplicate_top_level_jobs_are_reported()
    {
        Annotated.Verify("build:\n# CIOL016 @1\n  script: [a]\nbuild:\n  script: [b]\n");
    }

    [Fact]
    public void A_key_set_by_a_merge_key_and_then_written_is_no_duplicate()
    {
        Annotated.Verify(".base: &base\n  stage: a\njob:\n  <<: *base\n  stage: b\n  script: [x]\n");
    }
}

public sealed class DuplicateKeyFixTests
{
    [Fact]
    public void Removes_the_first_of_two_keys_with_its_lines()
    {
        const string yaml = "job:\n  script:\n    - echo lost\n    - |\n      two\n  stage: test\n  script: [echo kept]   # the one that runs\n";
        var fix = Assert.Single(Fixing.Offered(yaml, "CIOL016"));
        Assert.False(fix.IsPreferred);
        Assert.Equal("job:\n  stage: test\n  script: [echo kept]   # the one that runs\n", Fixing.Apply(yaml, "CIOL016", "Remove the first 'script'"));
    }

    [Fact]
    public void No_fix_when_the_first_key_shares_its_line()
    {
        Assert.Empty(Fixing.Offered("job: {script: a, script: b}\n", "CIOL016"));
    }

    [Fact]
    public void A_duplicate_key_is_named_without_its_anchor_or_quotes()
    {
        Annotated.Verify("job:\n  &a \"script\": [x]\n# ^^^^^^^^^^^ CIOL016 The key 'script' is written again\n  script: [y]\n");
    }
}

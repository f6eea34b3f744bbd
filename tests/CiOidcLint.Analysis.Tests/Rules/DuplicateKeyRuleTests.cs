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

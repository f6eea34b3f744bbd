using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class IdTokenMissingAudRuleTests
{
    [Fact]
    public void Tokens_without_a_usable_aud_are_reported_at_the_token()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    NO_VALUE:
#   ^^^^^^^^ CIOL002 has no value
    EMPTY_MAP: {}
#   ^^^^^^^^^ CIOL002 has no 'aud'
    NULL_AUD:
#   ^^^^^^^^ CIOL002 empty 'aud'
      aud:
    EMPTY_AUD:
#   ^^^^^^^^^ CIOL002 empty 'aud'
      aud: ''
    EMPTY_LIST:
#   ^^^^^^^^^^ CIOL002 empty 'aud' list
      aud: []
    GOOD:
      aud: https://vault.acme.internal
    GOOD_LIST:
      aud: [a, b]
  script: [echo $GOOD $GOOD_LIST]
");
    }

    [Fact]
    public void Default_and_unused_templates_are_checked_too()
    {
        Annotated.Verify(@"
default:
  id_tokens:
    DEFAULT_TOKEN: {}
#   ^^^^^^^^^^^^^ CIOL002 in job 'job'
.unused:
  id_tokens:
    TEMPLATE_TOKEN:
#   ^^^^^^^^^^^^^^ CIOL002 in template '.unused'
job:
  script: [x]
");
    }

    [Fact]
    public void A_template_completed_by_its_job_is_fine()
    {
        Annotated.Verify(@"
.base:
  id_tokens:
    TOKEN: {}
job:
  extends: .base
  id_tokens:
    TOKEN:
      aud: https://gitlab.acme.internal
  script: [x]
");
    }

    [Fact]
    public void Findings_name_no_pseudo_job_for_default()
    {
        var findings = Annotated.Verify("default:\n  id_tokens:\n    T: {}\n#   ^ CIOL002 in job 'job'\njob:\n  script: [x]\n");
        Assert.Equal(new[] { "job" }, findings.Single("CIOL002").Jobs);
    }

    [Theory]
    [InlineData("job:\n  id_tokens:\n    T:\n  script: [$T]\n", "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T: {}\n  script: [$T]\n", "job:\n  id_tokens:\n    T: {aud: $CI_SERVER_URL}\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T: ~\n  script: [$T]\n", "job:\n  id_tokens:\n    T: {aud: $CI_SERVER_URL}\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T:\n      aud:   # fill me\n  script: [$T]\n", "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL  # fill me\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T:\n      aud: # fill me\n  script: [$T]\n", "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL # fill me\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T: {aud: }\n  script: [$T]\n", "job:\n  id_tokens:\n    T: {aud: $CI_SERVER_URL}\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T:\n      aud: \"\"\n  script: [$T]\n", "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T:\n      aud: []\n  script: [$T]\n", "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL\n  script: [$T]\n")]
    public void CIOL002_sets_aud_to_the_gitlab_address(string yaml, string expected)
        => Assert.Equal(expected, Fixing.Apply(yaml, "CIOL002", "Set aud to $CI_SERVER_URL"));
}

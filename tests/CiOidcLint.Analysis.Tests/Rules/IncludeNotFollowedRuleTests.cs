using CiOidcLint.Analysis.Rules;
using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class IncludeNotFollowedRuleTests
{
    [Fact]
    public void Remote_project_template_and_component_includes_are_noted()
    {
        Annotated.Verify(@"
include:
  - remote: https://example.org/ci.yml
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL015 remote include
  - project: group/templates
#            ^^^^^^^^^^^^^^^ CIOL015 project include
    file: /ci.yml
  - template: Security/SAST.gitlab-ci.yml
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL015 template include
  - component: $CI_SERVER_FQDN/g/c/deploy@1
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL015 component include
job:
  script: [x]
");
    }

    [Fact]
    public void The_note_names_jobs_held_back_and_no_error_is_reported_for_them()
    {
        Annotated.Verify(@"
include:
  - project: group/templates
#            ^^^^^^^^^^^^^^^ CIOL015 findings for job 'deploy'
    file: /vault.yml
deploy:
  extends: .vault-login
  secrets:
    DB:
      vault: db/password@kv
  script: [x]
");
    }

    [Fact]
    public void Credentials_in_a_remote_address_never_reach_the_message()
    {
        Assert.Equal("https://example.org/ci.yml", IncludeNotFollowedRule.Redact("https://user:glpat-secret@example.org/ci.yml?private_token=x"));
    }
}

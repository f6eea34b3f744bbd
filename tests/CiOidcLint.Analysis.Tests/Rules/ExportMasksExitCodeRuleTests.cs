using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class ExportMasksExitCodeRuleTests
{
    [Fact]
    public void Declaring_builtins_with_a_substitution_are_reported()
    {
        Annotated.Verify(@"
job:
  script:
    - export AWS_CREDS=$(aws sts assume-role-with-web-identity --role-arn $ROLE)
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 'export AWS_CREDS=$(aws sts …)' hides a failure of 'aws sts': the job goes on with an empty AWS_CREDS
    - local TOKEN=`vault write -field=token auth/jwt/login`
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 'vault write'
    - readonly A=""$(gcloud auth print-access-token)""
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 'gcloud auth'
    - declare -x B=$(az account get-access-token)
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 empty B
    - typeset C=prefix-$(cat token.txt)
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 'cat'
");
    }

    [Fact]
    public void Harmless_substitutions_and_split_assignments_are_not_reported()
    {
        Annotated.Verify(@"
job:
  script:
    - export DIR=$(pwd)
    - export NOW=""$(date +%s)""
    - export NAME=$(basename ""$CI_PROJECT_DIR"")
    - export PLAIN=value
    - export FROM_VAR=""$OTHER""
    - CREDS=$(aws sts get-caller-identity)
    - export CREDS
    - export $(printf ""AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s"" $aws_sts_output)
    - echo ""export X=$(not-a-command)""
");
    }

    [Fact]
    public void Export_of_a_substitution_that_runs_a_command_is_reported()
    {
        Annotated.Verify(@"
job:
  script:
    - export $(printf ""AWS_ACCESS_KEY_ID=%s"" $(aws sts assume-role-with-web-identity --output text))
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 without the variables
");
    }

    [Fact]
    public void Lines_inside_literal_blocks_and_compound_commands_are_checked()
    {
        Annotated.Verify(@"
job:
  script:
    - |
      echo start
      if true; then
        export VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=app jwt=$VAULT_ID_TOKEN)
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 'vault write'
      fi
  id_tokens:
    VAULT_ID_TOKEN: { aud: https://vault.acme.internal }
");
    }

    [Fact]
    public void A_template_line_is_reported_once_for_every_job_using_it()
    {
        var findings = Annotated.Verify(@"
.login:
  before_script:
    - export TOKEN=$(vault write -field=token auth/jwt/login)
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 in jobs 'a', 'b'
a:
  extends: .login
  script: [x]
b:
  extends: .login
  script: [x]
");
        Assert.Single(findings.All);
    }

    [Fact]
    public void Reading_a_file_with_a_redirection_fails_like_cat()
    {
        Annotated.Verify(@"
job:
  script:
    - export VAULT_TOKEN=$(<.vault-token)
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 'export VAULT_TOKEN=$(<.vault-token)' hides a failure of '<.vault-token': the job goes on with an empty VAULT_TOKEN
");
    }

    [Fact]
    public void Echo_or_printf_writing_a_failing_substitution_to_a_file_is_reported()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    VAULT_ID_TOKEN:
      aud: https://vault.acme.internal
  script:
    - echo ""VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN)"" >> build.env
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 'echo …$(vault write …)… >> build.env' hides a failure of 'vault write': build.env gets what it printed before it failed, often nothing, and the job goes on
    - printf '%s\n' ""$(git describe --tags)"" > version.txt
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 'git describe'
    - echo ""TOKEN=$(cat /run/secrets/token)"" 1>>deploy.env
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL004 'cat'
");
    }

    [Fact]
    public void Writes_to_the_log_a_device_or_of_substitutions_that_cannot_fail_are_not_reported()
    {
        Annotated.Verify(@"
job:
  script:
    - echo ""VERSION=$(git describe --tags)""
    - echo ""built $(date +%s)"" >> build.env
    - echo ""$(vault status)"" >&2
    - echo ""X=$(vault status)"" > /dev/null
    - echo ""X=$(vault status)"" 2> errors.txt
    - VERSION=$(git describe --tags)
    - echo ""VERSION=$VERSION"" >> build.env
    - cat token.txt > copy.txt
");
    }

    [Fact]
    public void Handled_failures_and_pipe_filters_are_not_reported_and_a_conditional_command_gets_no_fix()
    {
        Annotated.Verify(@"
job:
  script:
    - echo ""VERSION=$(git describe --tags 2>/dev/null || echo 0.0.0)"" >> build.env
    - echo ""COUNT=$(grep -c TODO notes.txt || true)"" >> build.env
    - echo ""BRANCH=$(echo $CI_COMMIT_REF_NAME | sed 's|/|-|g')"" >> build.env
    - export SLUG=$(echo ""$CI_COMMIT_REF_NAME"" | tr a-z A-Z)
");
        var yaml = "job:\n  script:\n    - echo \"V=${CI_COMMIT_TAG:-$(git describe --tags)}\" >> build.env\n";
        Assert.Empty(Fixing.Offered(yaml, "CIOL004"));
    }
}

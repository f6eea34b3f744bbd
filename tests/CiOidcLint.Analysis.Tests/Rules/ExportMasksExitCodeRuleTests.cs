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

    [Fact]
    public void A_list_item_becomes_two_items()
    {
        var fixedText = Fixing.Apply(
            "job:\n  script:\n    - export AWS_CREDS=$(aws sts assume-role-with-web-identity --role-arn $ROLE)  # log in\n    - echo done\n",
            "CIOL004");
        Assert.Equal(
            "job:\n  script:\n    - AWS_CREDS=$(aws sts assume-role-with-web-identity --role-arn $ROLE)  # log in\n    - export AWS_CREDS\n    - echo done\n",
            fixedText);
    }

    [Fact]
    public void The_file_keeps_its_line_breaks_and_quotes()
    {
        var fixedText = Fixing.Apply(
            "job:\r\n  script:\r\n  - \"export TOKEN=\\\"$(vault write -field=token auth/jwt/login)\\\"\"\r\n",
            "CIOL004");
        Assert.Equal(
            "job:\r\n  script:\r\n  - \"TOKEN=\\\"$(vault write -field=token auth/jwt/login)\\\"\"\r\n  - export TOKEN\r\n",
            fixedText);
    }

    [Fact]
    public void Inside_a_literal_block_it_becomes_two_lines_with_the_block_indentation()
    {
        var fixedText = Fixing.Apply(
            "job:\n  script:\n    - |\n      set -x\n      export VAULT_TOKEN=\"$(vault write -field=token auth/jwt/login role=r jwt=$ID_TOKEN)\"\n      vault kv get secret/x\n",
            "CIOL004");
        Assert.Equal(
            "job:\n  script:\n    - |\n      set -x\n      VAULT_TOKEN=\"$(vault write -field=token auth/jwt/login role=r jwt=$ID_TOKEN)\"\n      export VAULT_TOKEN\n      vault kv get secret/x\n",
            fixedText);
    }

    [Fact]
    public void Inside_a_folded_block_a_semicolon_keeps_the_commands_apart()
    {
        var fixedText = Fixing.Apply(
            "job:\n  script:\n    - >\n      export CREDS=$(aws sts get-session-token)\n",
            "CIOL004");
        Assert.Equal(
            "job:\n  script:\n    - >\n      CREDS=$(aws sts get-session-token); export CREDS\n",
            fixedText);
    }

    [Fact]
    public void Flags_stay_with_the_builtin_and_local_is_declared_first()
    {
        Assert.Equal(
            "job:\n  script:\n    - declare -x B; B=$(az account get-access-token)\n",
            Fixing.Apply("job:\n  script:\n    - declare -x B=$(az account get-access-token)\n", "CIOL004"));
        Assert.Equal(
            "f:\n  script: cd x; local T; T=$(cat t)\n",
            Fixing.Apply("f:\n  script: cd x; local T=$(cat t)\n", "CIOL004"));
        Assert.Equal(
            "f:\n  script: R=`vault read x`; readonly R\n",
            Fixing.Apply("f:\n  script: readonly R=`vault read x`\n", "CIOL004"));
    }

    [Fact]
    public void An_exported_substitution_moves_its_command_into_an_assignment()
    {
        var fixedText = Fixing.Apply(
            "job:\n  script:\n    - export $(printf \"AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s\" $(aws sts assume-role-with-web-identity --query 'Credentials.[AccessKeyId,SecretAccessKey]' --output text))\n",
            "CIOL004");
        Assert.Equal(
            "job:\n  script:\n    - AWS_STS_OUTPUT=$(aws sts assume-role-with-web-identity --query 'Credentials.[AccessKeyId,SecretAccessKey]' --output text)\n    - export $(printf \"AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s\" ${AWS_STS_OUTPUT})\n",
            fixedText);
    }

    [Fact]
    public void No_fix_where_splitting_would_change_what_the_line_does()
    {
        Assert.Empty(Fixing.Offered("job:\n  script:\n    - test -n \"$X\" && export A=$(aws sts x)\n", "CIOL004"));
        Assert.Empty(Fixing.Offered("job:\n  script:\n    - export A=$(aws sts x) | tee log\n", "CIOL004"));
        Assert.Empty(Fixing.Offered("job:\n  script:\n    - local -r A=$(aws sts x)\n", "CIOL004"));
    }

    [Fact]
    public void Every_fix_of_a_line_with_two_exports_applies_one_after_the_other()
    {
        var once = Fixing.Apply("job:\n  script:\n    - export A=$(a x); export B=$(b y)\n", "CIOL004");
        Assert.Equal("job:\n  script:\n    - A=$(a x); export A; export B=$(b y)\n", once);
        var twice = Fixing.Apply(once, "CIOL004");
        Assert.Equal("job:\n  script:\n    - A=$(a x); export A; B=$(b y); export B\n", twice);
    }

    [Fact]
    public void A_dotenv_write_assigns_the_key_first_then_writes_it()
    {
        var fixedText = Fixing.Apply(
            """
            job:
              script:
                - echo "VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN)" >> build.env
                - echo done
            """,
            "CIOL004",
            "Assign the output of 'vault write' to VAULT_TOKEN first");
        Assert.Equal(
            """
            job:
              script:
                - VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN)
                - echo "VAULT_TOKEN=${VAULT_TOKEN}" >> build.env
                - echo done
            """,
            fixedText);
    }

    [Fact]
    public void A_write_inside_a_literal_block_gets_its_assignment_on_the_line_above()
    {
        var fixedText = Fixing.Apply(
            """
            job:
              script:
                - |
                  printf '%s\n' "$(git describe --tags)" > version.txt
                  cat version.txt
            """,
            "CIOL004");
        Assert.Equal(
            """
            job:
              script:
                - |
                  GIT_DESCRIBE_OUTPUT=$(git describe --tags)
                  printf '%s\n' "${GIT_DESCRIBE_OUTPUT}" > version.txt
                  cat version.txt
            """,
            fixedText);
    }

    [Fact]
    public void No_fix_for_a_write_that_reads_the_key_or_runs_in_a_pipeline()
    {
        Assert.Empty(Fixing.Offered("job:\n  script:\n    - echo \"PATH=$(cat extra):$PATH\" >> build.env\n", "CIOL004"));
        Assert.Empty(Fixing.Offered("job:\n  script:\n    - test -f x && echo \"X=$(cat x)\" >> build.env\n", "CIOL004"));
    }
}

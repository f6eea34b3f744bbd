using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class ExportMasksExitCodeFixTests
{
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

using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL006: a secret's token: that names no ID token of the job.</summary>
public sealed class UnknownSecretTokenRuleTests
{
    private static List<string> Ids(string yaml) => Fixing.Analyze((".gitlab-ci.yml", yaml)).Select(f => f.Id).ToList();

    [Fact]
    public void A_token_that_names_no_id_token_is_reported_at_its_value()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    VAULT_ID_TOKEN: { aud: https://vault.acme.internal }
    OTHER: { aud: https://other.acme.internal }
  secrets:
    TYPO:
      vault: a/b@kv
      token: $VAULT_TOKEN
#            ^^^^^^^^^^^^ CIOL006 names 'VAULT_TOKEN'
    NO_DOLLAR:
      vault: a/b@kv
      token: VAULT_ID_TOKEN
#            ^^^^^^^^^^^^^^ CIOL006 without '$'
    GOOD:
      vault: a/b@kv
      token: ${OTHER}
    DEPRECATED:
      vault: a/b@kv
      token: $CI_JOB_JWT_V2
#            ^^^^^^^^^^^^^^ CIOL001
  script: [x]
");
    }

    [Fact]
    public void A_non_vault_secret_naming_a_missing_token_in_a_job_without_tokens_is_reported()
    {
        Annotated.Verify(@"
job:
  secrets:
    AWS:
      aws_secrets_manager: { secret_id: db }
      token: $AWS_ID_TOKEN
#            ^^^^^^^^^^^^^ CIOL006 names 'AWS_ID_TOKEN'
    OWN:
      gitlab_secrets_manager: { name: db }
      token: $ANYTHING
  script: [x]
");
    }

    [Fact]
    public void CIOL006_leaves_component_inputs_alone()
        => Assert.DoesNotContain("CIOL006", Ids("job:\n  id_tokens:\n    T: {aud: https://a.acme.internal}\n  secrets:\n    DB:\n      vault: a/b@c\n      token: $[[ inputs.token ]]\n  script: [echo $T]\n"));

    [Fact]
    public void CIOL006_offers_each_token_of_the_job()
    {
        const string yaml = "job:\n  id_tokens:\n    VAULT_ID_TOKEN: {aud: x}\n  secrets:\n    DB:\n      vault: db/password@ops\n      token: \"$VAULT_TOKEN\"\n  script: [make]\n";
        Assert.Equal(
            "job:\n  id_tokens:\n    VAULT_ID_TOKEN: {aud: x}\n  secrets:\n    DB:\n      vault: db/password@ops\n      token: $VAULT_ID_TOKEN\n  script: [make]\n",
            Fixing.Apply(yaml, "CIOL006", "Use ID token 'VAULT_ID_TOKEN'"));
    }
}

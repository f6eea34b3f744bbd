using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL005, CIOL006 and CIOL007: which ID token a secret authenticates with.</summary>
public sealed class SecretTokenRulesTests
{
    private static List<string> Ids(string yaml) => Fixing.Analyze((".gitlab-ci.yml", yaml)).Select(f => f.Id).ToList();

    [Fact]
    public void A_vault_secret_in_a_job_without_id_tokens_is_reported()
    {
        Annotated.Verify(@"
job:
  secrets:
    DB_PASSWORD:
#   ^^^^^^^^^^^ CIOL005 read from Vault in a job with no ID token: GitLab falls back to CI_JOB_JWT, which is empty since 17.0
      vault: production/db/password@kv
    AKEYLESS:
#   ^^^^^^^^ CIOL005 Akeyless
      akeyless: { name: /x }
    AWS:
      aws_secrets_manager: { secret_id: x }
    OWN:
      gitlab_secrets_manager: { name: x }
    NAMED:
#   ^^^^^ CIOL005 its token names no ID token
      vault: production/db/other@kv
      token: $VAULT_ID_TOKEN
    LEGACY:
      vault: production/db/legacy@kv
      token: $CI_JOB_JWT_V2
#            ^^^^^^^^^^^^^^ CIOL001
  script: [x]
");
    }

    [Fact]
    public void Tokens_from_default_count()
    {
        Annotated.Verify(@"
default:
  id_tokens:
    VAULT_ID_TOKEN: { aud: https://vault.acme.internal }
job:
  secrets:
    DB_PASSWORD:
      vault: production/db/password@kv
  script: [x]
opted-out:
  inherit:
    default: false
  secrets:
    DB_PASSWORD:
#   ^^^^^^^^^^^ CIOL005 in job 'opted-out'
      vault: production/db/password@kv
  script: [x]
");
    }

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
    public void A_gcp_secret_without_token_is_reported()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    GCP_ID_TOKEN: { aud: https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/q }
  secrets:
    API_KEY:
#   ^^^^^^^ CIOL007
      gcp_secret_manager:
        name: api-key
    WITH_TOKEN:
      gcp_secret_manager:
        name: other
      token: $GCP_ID_TOKEN
  script: [x]
");
    }

    [Fact]
    public void Secret_rules_are_held_back_for_a_job_that_may_get_tokens_from_an_unread_include()
    {
        Annotated.Verify(@"
include:
  - project: platform/templates
#            ^^^^^^^^^^^^^^^^^^ CIOL015 'deploy'
    file: /vault.yml
deploy:
  extends: .vault
  secrets:
    DB_PASSWORD:
      vault: production/db/password@kv
  script: [x]
");
    }

    [Fact]
    public void CIOL006_leaves_component_inputs_alone()
        => Assert.DoesNotContain("CIOL006", Ids("job:\n  id_tokens:\n    T: {aud: https://a.acme.internal}\n  secrets:\n    DB:\n      vault: a/b@c\n      token: $[[ inputs.token ]]\n  script: [echo $T]\n"));
}

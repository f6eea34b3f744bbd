using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class AmbiguousSecretTokenRuleTests
{
    [Fact]
    public void A_secret_without_token_in_a_job_with_two_tokens_is_reported()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    FIRST: { aud: https://first.acme.internal }
    SECOND: { aud: https://second.acme.internal }
  secrets:
    DB_PASSWORD:
#   ^^^^^^^^^^^ CIOL003 Vault login
      vault: db/password@kv
    AZURE:
#   ^^^^^ CIOL003 Azure Key Vault
      azure_key_vault: { name: x }
    WITH_TOKEN:
      vault: db/other@kv
      token: $FIRST
    GCP:
      gcp_secret_manager: { name: x }
      token: $SECOND
  script: [x]
");
    }

    [Fact]
    public void One_token_is_not_ambiguous()
    {
        Annotated.Verify(@"
job_with_secrets:
  id_tokens:
    VAULT_ID_TOKEN:
      aud: https://example.vault.com
  secrets:
    PROD_DB_PASSWORD:
      vault: example/db/password
  script:
    - access-prod-db.sh --token $PROD_DB_PASSWORD
");
    }

    [Fact]
    public void A_template_secret_is_judged_per_job_and_reported_once()
    {
        var findings = Annotated.Verify(@"
.secrets:
  secrets:
    DB:
#   ^^ CIOL003 in jobs 'both', 'both-again'
      vault: db/password@kv
default:
  id_tokens:
    ONLY: { aud: a }
one:
  extends: .secrets
  script: [x]
both:
  extends: .secrets
  id_tokens:
    A: { aud: a }
    B: { aud: b }
  script: [x]
both-again:
  extends: .secrets
  id_tokens:
    C: { aud: c }
    D: { aud: d }
  script: [x]
");
        Assert.Equal(new[] { "both", "both-again" }, findings.Single("CIOL003").Jobs);
    }

    [Fact]
    public void Tokens_from_several_bases_add_up()
    {
        Annotated.Verify(@"
.aws:
  id_tokens:
    AWS_ID_TOKEN: { aud: sts.amazonaws.com }
.vault:
  id_tokens:
    VAULT_ID_TOKEN: { aud: https://vault.acme.internal }
job:
  extends: [.aws, .vault]
  secrets:
    DB:
#   ^^ CIOL003
      vault: db/password@kv
  script: [x]
");
    }
}

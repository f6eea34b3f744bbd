using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;

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

    [Fact]
    public void CIOL003_offers_one_fix_per_token_none_preferred()
    {
        const string yaml = "job:\n  id_tokens:\n    A: {aud: x}\n    B: {aud: y}\n  secrets:\n    DB:\n      vault: db/password@ops\n  script: [echo $A $B]\n";
        var fixes = Fixing.Offered(yaml, "CIOL003");
        Assert.Equal(new[] { "Use ID token 'A'", "Use ID token 'B'" }, fixes.Select(f => f.Title).ToArray());
        Assert.All(fixes, f => Assert.False(f.IsPreferred));
        Assert.Equal(
            "job:\n  id_tokens:\n    A: {aud: x}\n    B: {aud: y}\n  secrets:\n    DB:\n      token: $B\n      vault: db/password@ops\n  script: [echo $A $B]\n",
            Fixing.Apply(yaml, "CIOL003", "Use ID token 'B'"));
    }
}

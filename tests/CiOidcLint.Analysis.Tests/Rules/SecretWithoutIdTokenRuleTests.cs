using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;
using CiOidcLint.Analysis.Engine;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL005: a secret in a job with no ID token.</summary>
public sealed class SecretWithoutIdTokenRuleTests
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
    public void CIOL005_adds_a_token_and_points_the_secret_at_it()
    {
        const string yaml = "job:\n  secrets:\n    DB:\n      vault: db/password@ops\n  script: [make]\n";
        Assert.Equal(
            "job:\n  id_tokens:\n    GITLAB_OIDC_TOKEN:\n      aud: $CI_SERVER_URL\n  secrets:\n    DB:\n      token: $GITLAB_OIDC_TOKEN\n      vault: db/password@ops\n  script: [make]\n",
            Fixing.Apply(yaml, "CIOL005"));
    }

    [Fact]
    public void CIOL005_fix_points_every_secret_of_the_job_at_the_new_token()
    {
        const string yaml = "job:\n  secrets:\n    A:\n      vault: a/b@c\n    B:\n      vault: d/e@f\n      token: $OLD_TOKEN\n  script: [make]\n";
        var files = new InMemoryFileSystem();
        files.Add(".gitlab-ci.yml", yaml);
        var result = FixLoop.Run(files, fs => new RepositoryAnalysis(fs).Analyze(Array.Empty<string>()).SelectMany(r => r.Findings));
        var text = result.Files.ReadFile(".gitlab-ci.yml")!.ToString();
        Assert.Equal(
            "job:\n  id_tokens:\n    GITLAB_OIDC_TOKEN:\n      aud: $CI_SERVER_URL\n  secrets:\n    A:\n      token: $GITLAB_OIDC_TOKEN\n      vault: a/b@c\n    B:\n      vault: d/e@f\n      token: $GITLAB_OIDC_TOKEN\n  script: [make]\n",
            text);
        Assert.Empty(Fixing.Analyze((".gitlab-ci.yml", text)).Where(f => f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }
}

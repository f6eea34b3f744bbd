using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class DeprecatedJobJwtRuleTests
{
    [Fact]
    public void Every_form_of_reference_in_every_place_is_reported()
    {
        Annotated.Verify(@"
variables:
  GLOBAL_JWT: $CI_JOB_JWT
#             ^^^^^^^^^^^ CIOL001 'CI_JOB_JWT'
workflow:
  rules:
    - if: $CI_JOB_JWT_V1 != null
#         ^^^^^^^^^^^^^^ CIOL001
job:
  variables:
    TOKEN: ${CI_JOB_JWT_V2}
#          ^^^^^^^^^^^^^^^^ CIOL001 'CI_JOB_JWT_V2'
  secrets:
    DB:
      vault: db/password@kv
      token: $CI_JOB_JWT_V2
#            ^^^^^^^^^^^^^^ CIOL001
  script:
    - vault write auth/jwt/login role=app jwt=""$CI_JOB_JWT_V2""
#                                              ^^^^^^^^^^^^^^ CIOL001
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL018 'vault write auth/jwt/login' prints the Vault token
windows:
  script:
    - echo %CI_JOB_JWT%
#          ^^^^^^^^^^^^ CIOL001
    - Write-Output $env:CI_JOB_JWT_V2
#                  ^^^^^^^^^^^^^^^^^^ CIOL001
");
    }

    [Fact]
    public void An_id_token_the_job_names_like_the_old_variable_is_that_token()
    {
        const string Yaml = "deploy:\n  id_tokens:\n    CI_JOB_JWT_V2:\n      aud: https://vault.acme.internal\n  script:\n    - vault write auth/jwt/login role=app jwt=$CI_JOB_JWT_V2\n    - echo $CI_JOB_JWT\n";
        var findings = Fixing.Analyze((".gitlab-ci.yml", Yaml)).Where(f => f.Id == "CIOL001").ToList();
        Assert.Equal("7:12", $"{findings.Single().Location.LineSpan.Start.Line + 1}:{findings.Single().Location.LineSpan.Start.Character + 1}");
    }

    [Fact]
    public void Longer_names_and_escaped_dollars_are_not_references()
    {
        Annotated.Verify(@"
job:
  variables:
    A: $CI_JOB_JWT_FOO
    B: $$CI_JOB_JWT
    MY_CI_JOB_JWT: defined
  script:
    - echo $MY_CI_JOB_JWT
");
    }

    [Fact]
    public void A_reference_in_a_template_is_reported_once_naming_every_job()
    {
        var findings = Annotated.Verify(@"
.login:
  before_script:
    - vault login -method=jwt jwt=$CI_JOB_JWT_V2
#                                 ^^^^^^^^^^^^^^ CIOL001 in jobs 'a', 'b'
#     ^^^^^^^^^^^ CIOL018 'vault login' prints the Vault token
a:
  extends: .login
  script: [x]
b:
  extends: .login
  script: [y]
");
        Assert.Equal(new[] { "a", "b" }, findings.Single("CIOL001").Jobs);
    }

    [Fact]
    public void A_reference_inside_a_folded_block_maps_to_its_line()
    {
        Annotated.Verify(@"
job:
  script:
    - >
      curl --header ""Authorization: Bearer
      $CI_JOB_JWT"" https://example.org
#     ^^^^^^^^^^^ CIOL001
");
    }

    [Fact]
    public void Columns_count_utf16_code_units_and_crlf_files_work()
    {
        // The emoji is two UTF-16 code units, as LSP counts columns: the caret sits one further right.
        Annotated.Verify("job:\r\n  script:\r\n    - echo \"😀\" $CI_JOB_JWT\r\n#               ^^^^^^^^^^^ CIOL001\r\n");
    }

    [Fact]
    public void Deprecation_is_tagged()
    {
        var findings = Annotated.Verify("job:\n  script: [echo $CI_JOB_JWT]\n#               ^^^^^^^^^^^ CIOL001\n");
        Assert.Contains("Deprecated", findings.Single("CIOL001").Diagnostic.Descriptor.CustomTags);
    }

    [Fact]
    public void CIOL001_in_rules_is_reported_without_a_fix()
    {
        const string yaml = "job:\n  rules:\n    - if: $CI_JOB_JWT\n  script: [echo]\n";
        Assert.Empty(Fixing.Offered(yaml, "CIOL001"));
    }

    [Fact]
    public void CIOL001_uses_the_one_token_of_the_job_and_keeps_the_reference_form()
    {
        const string yaml = "job:\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.acme.internal\n  script:\n    - vault write auth/jwt/login jwt=${CI_JOB_JWT_V2}\n";
        Assert.Equal(
            "job:\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.acme.internal\n  script:\n    - vault write auth/jwt/login jwt=${VAULT_ID_TOKEN}\n",
            Fixing.Apply(yaml, "CIOL001", "Use ID token 'VAULT_ID_TOKEN' instead of CI_JOB_JWT_V2", 0, "CIOL013"));
    }

    [Fact]
    public void CIOL001_adds_a_token_in_the_file_s_indentation_and_two_references_share_it()
    {
        const string yaml = "# deploy\ndeploy:\n    stage: deploy   # keep\n    variables:\n        JWT: \"$CI_JOB_JWT\"\n    script:\n        - 'login \"%CI_JOB_JWT_V2%\"'\n";
        var once = Fixing.Apply(yaml, "CIOL001", "Add ID token GITLAB_OIDC_TOKEN and use it instead of CI_JOB_JWT");
        Assert.Equal(
            "# deploy\ndeploy:\n    id_tokens:\n        GITLAB_OIDC_TOKEN:\n            aud: $CI_SERVER_URL\n    stage: deploy   # keep\n    variables:\n        JWT: \"$GITLAB_OIDC_TOKEN\"\n    script:\n        - 'login \"%CI_JOB_JWT_V2%\"'\n",
            once);
        var twice = Fixing.Apply(once, "CIOL001", "Use ID token 'GITLAB_OIDC_TOKEN' instead of CI_JOB_JWT_V2");
        Assert.Equal(
            "# deploy\ndeploy:\n    id_tokens:\n        GITLAB_OIDC_TOKEN:\n            aud: $CI_SERVER_URL\n    stage: deploy   # keep\n    variables:\n        JWT: \"$GITLAB_OIDC_TOKEN\"\n    script:\n        - 'login \"%GITLAB_OIDC_TOKEN%\"'\n",
            twice);
    }

    [Fact]
    public void CIOL001_in_a_job_that_inherits_two_tokens_from_default_copies_them_into_the_job()
    {
        const string yaml = "default:\n  id_tokens:\n    AWS_TOKEN:\n      aud: https://sts.amazonaws.com\n    VAULT_TOKEN: {aud: https://vault.acme.internal}\njob:\n  script:\n    - login $CI_JOB_JWT\n";
        Assert.Equal(
            "default:\n  id_tokens:\n    AWS_TOKEN:\n      aud: https://sts.amazonaws.com\n    VAULT_TOKEN: {aud: https://vault.acme.internal}\njob:\n  id_tokens:\n    GITLAB_OIDC_TOKEN:\n      aud: $CI_SERVER_URL\n    AWS_TOKEN:\n      aud: https://sts.amazonaws.com\n    VAULT_TOKEN: {aud: https://vault.acme.internal}\n  script:\n    - login $GITLAB_OIDC_TOKEN\n",
            Fixing.Apply(yaml, "CIOL001"));
    }

    [Fact]
    public void CIOL001_in_a_template_adds_the_token_to_the_template_and_crlf_stays()
    {
        const string yaml = ".login:\r\n  before_script:\r\n    - vault login $CI_JOB_JWT_V1\r\na:\r\n  extends: .login\r\n  script: [a]\r\nb:\r\n  extends: .login\r\n  script: [b]\r\n";
        Assert.Equal(
            ".login:\r\n  id_tokens:\r\n    GITLAB_OIDC_TOKEN:\r\n      aud: $CI_SERVER_URL\r\n  before_script:\r\n    - vault login $GITLAB_OIDC_TOKEN\r\na:\r\n  extends: .login\r\n  script: [a]\r\nb:\r\n  extends: .login\r\n  script: [b]\r\n",
            Fixing.Apply(yaml, "CIOL001"));
    }

    [Fact]
    public void CIOL001_offers_no_fix_where_the_jobs_sharing_a_template_need_different_ones()
    {
        const string yaml = ".login:\n  before_script:\n    - vault login $CI_JOB_JWT\na:\n  extends: .login\n  id_tokens: {A: {aud: x}}\n  script: [$A]\nb:\n  extends: .login\n  id_tokens: {B: {aud: y}}\n  script: [$B]\n";
        Assert.Empty(Fixing.Offered(yaml, "CIOL001"));
    }
}

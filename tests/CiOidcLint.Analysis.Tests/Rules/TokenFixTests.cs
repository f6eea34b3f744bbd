using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;
using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>The fixes that give jobs ID tokens and point secrets and references at them (CIOL001-003, 005-007).</summary>
public sealed class TokenFixTests
{
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

    [Theory]
    [InlineData("job:\n  id_tokens:\n    T:\n  script: [$T]\n", "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T: {}\n  script: [$T]\n", "job:\n  id_tokens:\n    T: {aud: $CI_SERVER_URL}\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T: ~\n  script: [$T]\n", "job:\n  id_tokens:\n    T: {aud: $CI_SERVER_URL}\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T:\n      aud:   # fill me\n  script: [$T]\n", "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL  # fill me\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T:\n      aud: # fill me\n  script: [$T]\n", "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL # fill me\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T: {aud: }\n  script: [$T]\n", "job:\n  id_tokens:\n    T: {aud: $CI_SERVER_URL}\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T:\n      aud: \"\"\n  script: [$T]\n", "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL\n  script: [$T]\n")]
    [InlineData("job:\n  id_tokens:\n    T:\n      aud: []\n  script: [$T]\n", "job:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL\n  script: [$T]\n")]
    public void CIOL002_sets_aud_to_the_gitlab_address(string yaml, string expected)
        => Assert.Equal(expected, Fixing.Apply(yaml, "CIOL002", "Set aud to $CI_SERVER_URL"));

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

    [Fact]
    public void CIOL005_adds_a_token_and_points_the_secret_at_it()
    {
        const string yaml = "job:\n  secrets:\n    DB:\n      vault: db/password@ops\n  script: [make]\n";
        Assert.Equal(
            "job:\n  id_tokens:\n    GITLAB_OIDC_TOKEN:\n      aud: $CI_SERVER_URL\n  secrets:\n    DB:\n      token: $GITLAB_OIDC_TOKEN\n      vault: db/password@ops\n  script: [make]\n",
            Fixing.Apply(yaml, "CIOL005"));
    }

    [Fact]
    public void CIOL006_offers_each_token_of_the_job()
    {
        const string yaml = "job:\n  id_tokens:\n    VAULT_ID_TOKEN: {aud: x}\n  secrets:\n    DB:\n      vault: db/password@ops\n      token: \"$VAULT_TOKEN\"\n  script: [make]\n";
        Assert.Equal(
            "job:\n  id_tokens:\n    VAULT_ID_TOKEN: {aud: x}\n  secrets:\n    DB:\n      vault: db/password@ops\n      token: $VAULT_ID_TOKEN\n  script: [make]\n",
            Fixing.Apply(yaml, "CIOL006", "Use ID token 'VAULT_ID_TOKEN'"));
    }

    [Fact]
    public void CIOL007_inserts_the_token_a_gcp_secret_requires()
    {
        const string yaml = "job:\n  id_tokens:\n    GCP_ID_TOKEN: {aud: https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/g}\n  secrets:\n    KEY:\n      gcp_secret_manager:\n        name: key\n  script: [make]\n";
        Assert.Equal(
            "job:\n  id_tokens:\n    GCP_ID_TOKEN: {aud: https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/g}\n  secrets:\n    KEY:\n      token: $GCP_ID_TOKEN\n      gcp_secret_manager:\n        name: key\n  script: [make]\n",
            Fixing.Apply(yaml, "CIOL007", "Use ID token 'GCP_ID_TOKEN'"));
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

using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL014: a token variable that nothing defines.</summary>
public sealed class UndefinedIdTokenVariableRuleTests
{
    private static List<string> Findings(string yaml, string id)
        => Fixing.Analyze((".gitlab-ci.yml", yaml)).Where(f => f.Id == id).Select(f => $"{f.Location.LineSpan.Start.Line + 1}:{f.Location.LineSpan.Start.Character + 1} {f.Message}").ToList();

    [Fact]
    public void CIOL014_flags_a_token_variable_that_nothing_defines()
    {
        const string yaml = "job:\n  id_tokens:\n    VAULT_ID_TOKEN: {aud: https://vault.invalid}\n  script:\n    - vault write auth/jwt/login role=app jwt=$VAULT_TOKEN\n    - aws sts assume-role-with-web-identity --web-identity-token \"${AWS_ID_TOKEN}\"\n    - echo $VAULT_ID_TOKEN\n";
        var findings = Findings(yaml, "CIOL014");
        Assert.Equal(2, findings.Count);
        Assert.StartsWith("5:47 '$VAULT_TOKEN' is passed where an OIDC token belongs", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("6:67 '$AWS_ID_TOKEN'", findings[1], StringComparison.Ordinal);
        var fix = Assert.Single(Fixing.Offered(yaml, "CIOL014"));
        Assert.False(fix.IsPreferred);
        Assert.Equal(
            "job:\n  id_tokens:\n    VAULT_ID_TOKEN: {aud: https://vault.invalid}\n  script:\n    - vault write auth/jwt/login role=app jwt=$VAULT_ID_TOKEN\n    - aws sts assume-role-with-web-identity --web-identity-token \"${AWS_ID_TOKEN}\"\n    - echo $VAULT_ID_TOKEN\n",
            Fixing.Apply(yaml, "CIOL014", "Use ID token 'VAULT_ID_TOKEN'"));
    }

    [Theory]
    [InlineData("vault write auth/jwt/login role=app \"jwt=$LOGIN_TOKEN\"", 49)]
    [InlineData("login \"--id-token=${LOGIN_TOKEN}\"", 26)]
    [InlineData("az login --federated-token $env:LOGIN_TOKEN", 35)]
    public void CIOL014_reads_a_word_quoted_whole_and_powershell_references(string line, int column)
    {
        var yaml = "job:\n  id_tokens:\n    T: {aud: https://x.invalid}\n  script:\n    - '" + line + "'\n";
        var finding = Assert.Single(Findings(yaml, "CIOL014"));
        Assert.StartsWith($"5:{column} ", finding, StringComparison.Ordinal);
        Assert.Contains("LOGIN_TOKEN", finding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  variables:\n    MY_JWT: $T\n  script: [login --jwt $MY_JWT]\n")]
    [InlineData("  script:\n    - export MY_ID_TOKEN=$(cat /token)\n    - login --jwt $MY_ID_TOKEN\n")]
    [InlineData("  script: [login --jwt $CI_JOB_JWT_V2]\n")]
    [InlineData("  script: [login --jwt $T]\n")]
    [InlineData("  script: ['login \"--id-token=$T\"']\n")]
    [InlineData("  rules:\n    - if: $CI_COMMIT_BRANCH == \"main\"\n      variables: {LOGIN_JWT: $T}\n  script: [login --jwt $LOGIN_JWT]\n")]
    [InlineData("  parallel:\n    matrix:\n      - LOGIN_JWT: [a, b]\n  script: [login --jwt $LOGIN_JWT]\n")]
    [InlineData("  script: ['az login --federated-token \"$(cat $AZURE_FEDERATED_TOKEN_FILE)\"']\n")]
    [InlineData("  script: ['$env:LOGIN_TOKEN = Get-Content token', 'az login --federated-token $env:LOGIN_TOKEN']\n")]
    public void CIOL014_accepts_defined_names_and_leaves_ci_job_jwt_to_CIOL001(string rest)
        => Assert.Empty(Findings("job:\n  id_tokens:\n    T: {aud: https://x.invalid}\n" + rest, "CIOL014"));

    [Fact]
    public void CIOL014_stays_quiet_when_a_dotenv_report_may_define_the_name()
    {
        const string yaml = "auth:\n  script: [echo X_JWT=1 > a.env]\n  artifacts:\n    reports:\n      dotenv: a.env\nuse:\n  script: [login --jwt $X_JWT]\n";
        Assert.Empty(Findings(yaml, "CIOL014"));
    }
}

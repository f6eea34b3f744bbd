using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL013: an ID token nothing uses.</summary>
public sealed class UnusedIdTokenRuleTests
{
    private static List<string> Findings(string yaml, string id)
        => Fixing.Analyze((".gitlab-ci.yml", yaml)).Where(f => f.Id == id).Select(f => $"{f.Location.LineSpan.Start.Line + 1}:{f.Location.LineSpan.Start.Character + 1} {f.Message}").ToList();

    [Fact]
    public void CIOL013_reports_a_token_no_job_using_it_refers_to_once_at_the_template()
    {
        const string yaml = ".aws:\n  id_tokens:\n    AWS_TOKEN: {aud: https://sts.amazonaws.com}\n    SPARE_TOKEN: {aud: https://x.invalid}\na:\n  extends: .aws\n  script: [echo \"$AWS_TOKEN\" > web-identity-token]\nb:\n  extends: .aws\n  script: [echo]\n";
        var finding = Assert.Single(Findings(yaml, "CIOL013"));
        Assert.Equal("4:5 ID token 'SPARE_TOKEN' is minted for every run but no script, variable, hook or secret of the job uses it (in jobs 'a', 'b')", finding);
        var descriptor = Fixing.Analyze((".gitlab-ci.yml", yaml)).Single(f => f.Id == "CIOL013").Diagnostic.Descriptor;
        Assert.Contains("Unnecessary", descriptor.CustomTags);
        Assert.Equal(
            ".aws:\n  id_tokens:\n    AWS_TOKEN: {aud: https://sts.amazonaws.com}\na:\n  extends: .aws\n  script: [echo \"$AWS_TOKEN\" > web-identity-token]\nb:\n  extends: .aws\n  script: [echo]\n",
            Fixing.Apply(yaml, "CIOL013", "Remove ID token 'SPARE_TOKEN'"));
    }

    [Fact]
    public void CIOL013_removes_the_whole_id_tokens_when_it_held_only_that_token()
    {
        const string yaml = "job:\n  id_tokens:\n    T:\n      aud: https://x.invalid\n  script: [echo]\n";
        Assert.Equal("job:\n  script: [echo]\n", Fixing.Apply(yaml, "CIOL013", "Remove ID token 'T'"));
    }

    [Fact]
    public void CIOL013_does_not_count_the_token_of_a_gitlab_secrets_manager_secret_which_GitLab_ignores()
    {
        const string only = """
            deploy:
              id_tokens:
                GL_TOKEN:
                  aud: https://gitlab.com
              secrets:
                DB:
                  gitlab_secrets_manager:
                    name: db-password
                  token: $GL_TOKEN
              script: [echo]
            """;
        Assert.Equal("3:5", Assert.Single(Findings(only, "CIOL013"))[..3]);

        // The same token: on a Vault secret is a use.
        Assert.Empty(Findings(only.Replace("gitlab_secrets_manager:\n        name: db-password", "vault: db/pw@ops", StringComparison.Ordinal), "CIOL013"));
    }

    [Theory]
    [InlineData("  secrets:\n    DB:\n      vault: db/pw@ops\n  script: [make]\n")]
    [InlineData("  secrets:\n    DB:\n      aws_secrets_manager: {secret_id: x}\n  script: [echo]\n")]
    [InlineData("  variables:\n    VAULT_JWT: $T\n  script: [echo]\n")]
    [InlineData("  script: [./deploy.sh]\n")]
    [InlineData("  script: [terraform apply]\n")]
    [InlineData("  script: [cosign sign $IMAGE]\n")]
    [InlineData("  script: ['printenv T > token']\n")]
    public void CIOL013_counts_implicit_and_hidden_uses(string rest)
    {
        var token = rest.Contains("aws_secrets_manager", StringComparison.Ordinal) ? "AWS_ID_TOKEN"
            : rest.Contains("cosign", StringComparison.Ordinal) ? "SIGSTORE_ID_TOKEN" : "T";
        Assert.Empty(Findings($"job:\n  id_tokens:\n    {token}: {{aud: https://x.invalid}}\n" + rest, "CIOL013"));
    }

    [Theory]
    [InlineData("vault kv get -field=password secret/db")]
    [InlineData("gcloud storage cp dist gs://bucket")]
    [InlineData("az storage blob upload -f dist.zip -c releases")]
    [InlineData("curl -sSf https://example.invalid/health")]
    [InlineData("cosign sign $IMAGE")]
    public void CIOL013_well_known_clis_read_only_their_documented_variables(string command)
    {
        // These tools never read a token under a name the job chose: T is unused unless the script names it.
        var yaml = $"job:\n  id_tokens:\n    T: {{aud: https://x.invalid}}\n  script:\n    - {command}\n";
        Assert.Single(Findings(yaml, "CIOL013"));
        Assert.Empty(Findings(yaml.Replace("- " + command, "- " + command + " --token-from $T", StringComparison.Ordinal), "CIOL013"));
    }

    [Theory]
    [InlineData("aws s3 sync dist/ s3://bucket")]
    [InlineData("docker compose up -d")]
    [InlineData("kubectl get pods")]
    [InlineData("helm secrets upgrade app chart/")]
    public void CIOL013_tools_that_run_plugins_or_read_the_environment_may_use_any_token(string command)
        => Assert.Empty(Findings($"job:\n  id_tokens:\n    T: {{aud: https://x.invalid}}\n  script:\n    - {command}\n", "CIOL013"));
}

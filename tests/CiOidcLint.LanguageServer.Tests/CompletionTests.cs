namespace CiOidcLint.LanguageServer.Tests;

/// <summary>
/// Completion that knows the domain, over stdio: the token that fits a secret's provider first,
/// common audiences and the job's Vault address for <c>aud:</c>, a snippet of each provider's
/// required keys, and predefined variables with the removed JWTs tagged deprecated; and the
/// hover on a script's <c>$VAR</c> saying what defines it.
/// </summary>
public sealed class CompletionTests
{
    private const string Pipeline = """
        variables:
          VAULT_ADDR: https://vault.acme.internal
        deploy:
          id_tokens:
            AWS_ID_TOKEN:
              aud: sts.amazonaws.com
            VAULT_ID_TOKEN:
              aud: https://vault.acme.internal
            SIGSTORE_ID_TOKEN:
              aud: 
          secrets:
            DB_PASSWORD:
              vault: production/db/password@ops
              token: $
            API_KEY:
              
          variables:
            REGION: eu-west-1
          script:
            - echo $
            - aws s3 ls --region $REGION && ./deploy.sh "$DB_PASSWORD" "$CI_COMMIT_SHA" "$VAULT_ID_TOKEN"

        """;

    private static async Task<(Session Session, string Uri)> StartAsync()
    {
        var session = await Session.StartAsync();
        var uri = await session.OpenAsync(".gitlab-ci.yml", Pipeline);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        return (session, uri);
    }

    private static async Task<JsonArray> CompleteAsync(Session session, string uri, int line, int character)
        => (await session.Client.RequestAsync("textDocument/completion", Session.Position(uri, line, character)))!["items"]!.AsArray();

    private static IEnumerable<string> BySortText(JsonArray items)
        => items.OrderBy(i => (string?)i!["sortText"] ?? (string)i!["label"]!, StringComparer.Ordinal).Select(i => (string)i!["label"]!);

    [Fact]
    public async Task A_secret_s_token_offers_the_job_s_tokens_with_the_one_its_provider_takes_first()
    {
        var (session, uri) = await StartAsync();
        await using var _ = session;
        var items = await CompleteAsync(session, uri, 13, 14);
        Assert.Equal(new[] { "VAULT_ID_TOKEN", "AWS_ID_TOKEN", "SIGSTORE_ID_TOKEN" }, BySortText(items));
        Assert.True((bool)items.Single(i => (string)i!["label"]! == "VAULT_ID_TOKEN")!["preselect"]!);
        Assert.Equal("ID token, aud https://vault.acme.internal", (string)items.Single(i => (string)i!["label"]! == "VAULT_ID_TOKEN")!["detail"]!);
    }

    [Fact]
    public async Task A_script_s_dollar_offers_tokens_then_predefined_variables_with_the_removed_jwts_tagged()
    {
        var (session, uri) = await StartAsync();
        await using var _ = session;
        var items = await CompleteAsync(session, uri, 19, 12);
        var labels = BySortText(items).ToList();
        Assert.Equal(new[] { "AWS_ID_TOKEN", "SIGSTORE_ID_TOKEN", "VAULT_ID_TOKEN" }, labels.Take(3));
        Assert.Contains("CI_COMMIT_REF_PROTECTED", labels);
        var jwt = items.Single(i => (string)i!["label"]! == "CI_JOB_JWT_V2")!;
        Assert.Equal(1, (int)jwt["tags"]![0]!);
        Assert.Equal("removed in GitLab 17.0", (string)jwt["detail"]!);
        Assert.Equal(new[] { "CI_JOB_JWT", "CI_JOB_JWT_V1", "CI_JOB_JWT_V2" }, labels.TakeLast(3));
    }

    [Fact]
    public async Task Aud_offers_the_job_s_vault_address_first_then_the_common_audiences()
    {
        var (session, uri) = await StartAsync();
        await using var _ = session;
        var labels = BySortText(await CompleteAsync(session, uri, 9, 13)).ToList();
        Assert.Equal("$VAULT_ADDR", labels[0]);
        Assert.Contains("sts.amazonaws.com", labels);
        Assert.Contains("api://AzureADTokenExchange", labels);
        Assert.Contains("sigstore", labels);
        Assert.Contains("$CI_SERVER_URL", labels);
    }

    [Fact]
    public async Task A_provider_under_secrets_inserts_a_snippet_of_its_required_keys_at_the_secret_s_indentation()
    {
        var (session, uri) = await StartAsync();
        await using var _ = session;
        var items = await CompleteAsync(session, uri, 15, 6);
        var gcp = items.Single(i => (string)i!["label"]! == "gcp_secret_manager")!;
        Assert.Equal(2, (int)gcp["insertTextFormat"]!);
        Assert.Equal("gcp_secret_manager:\n        name: ${1:secret-name}\n        version: ${2:latest}\n      token: \\$${3:GCP_ID_TOKEN}", (string)gcp["textEdit"]!["newText"]!);
        Assert.Equal(
            new[] { "token", "vault", "azure_key_vault", "gcp_secret_manager", "akeyless", "aws_secrets_manager", "gitlab_secrets_manager" },
            items.Select(i => (string)i!["label"]!));
    }

    [Fact]
    public async Task Without_snippet_support_a_provider_inserts_plain_text()
    {
        await using var session = await Session.StartAsync(Capabilities.Minimal());
        var uri = await session.OpenAsync(".gitlab-ci.yml", Pipeline);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        var vault = (await CompleteAsync(session, uri, 15, 6)).Single(i => (string)i!["label"]! == "vault")!;
        Assert.Null(vault["tags"]);
        Assert.Equal("vault: production/db/password@ops\n      token: $VAULT_ID_TOKEN", (string)vault["textEdit"]!["newText"]!);
    }

    [Fact]
    public async Task Hover_on_a_script_variable_says_what_defines_it()
    {
        var (session, uri) = await StartAsync();
        await using var _ = session;
        async Task<string> HoverAsync(string name)
        {
            var character = Pipeline.Split('\n')[20].IndexOf("$" + name, StringComparison.Ordinal) + 2;
            return (string)(await session.Client.RequestAsync("textDocument/hover", Session.Position(uri, 20, character)))!["contents"]!["value"]!;
        }

        Assert.Equal("**Variable `REGION`** = `eu-west-1`, set at .gitlab-ci.yml:18 in `deploy`", await HoverAsync("REGION"));
        Assert.Equal("**Secret `DB_PASSWORD`** from vault (the path of a file holding it), declared at .gitlab-ci.yml:12 in `deploy`", await HoverAsync("DB_PASSWORD"));
        Assert.Equal("**ID token `VAULT_ID_TOKEN`**: aud `https://vault.acme.internal`, declared at .gitlab-ci.yml:7 in `deploy`", await HoverAsync("VAULT_ID_TOKEN"));
        Assert.StartsWith("**`CI_COMMIT_SHA`** (predefined by GitLab): The commit", await HoverAsync("CI_COMMIT_SHA"), StringComparison.Ordinal);
    }
}

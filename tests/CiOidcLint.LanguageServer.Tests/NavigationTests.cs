namespace CiOidcLint.LanguageServer.Tests;

/// <summary>One server for every navigation test: they only read.</summary>
public sealed class NavigationFixture : IAsyncLifetime
{
    public const string Root = """
        default:
          id_tokens:
            VAULT_ID_TOKEN:
              aud: https://vault.gitlab.net
        include:
          - local: ci/templates.yml
        deploy:
          extends: .vault
          script:
            - !reference [.setup, script]
            - vault login jwt=$VAULT_ID_TOKEN
            - echo $CI_JOB_JWT_V2
        other:
          id_tokens:
            AWS_TOKEN:
              aud: sts.amazonaws.com
          secrets:
            S:
              token: $
              
        """;

    public const string Templates = """
        .vault:
          secrets:
            DB_PASSWORD:
              vault: production/db/password@ops
              token: $VAULT_ID_TOKEN
        .setup:
          script:
            - export A=$(aws sts get-caller-identity)
        """;

    public Session Session { get; private set; } = null!;

    public string RootUri { get; private set; } = string.Empty;

    public string TemplatesUri { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Session = await Session.StartAsync(files: r => r.Write("ci/templates.yml", Templates));
        TemplatesUri = await Session.OpenAsync("ci/templates.yml", Templates);
        RootUri = await Session.OpenAsync(".gitlab-ci.yml", Root);
        await Session.Client.WaitForDiagnosticsAsync(RootUri, version: 1);
    }

    public async Task DisposeAsync() => await Session.DisposeAsync();
}

public sealed class NavigationTests : IClassFixture<NavigationFixture>
{
    private readonly NavigationFixture _fixture;

    public NavigationTests(NavigationFixture fixture)
    {
        _fixture = fixture;
    }

    private LspStdioClient Client => _fixture.Session.Client;

    private static (string Uri, int Line, int Character) At(JsonNode location)
        => ((string)location["uri"]!, (int)location["range"]!["start"]!["line"]!, (int)location["range"]!["start"]!["character"]!);

    private async Task<string> HoverAsync(string uri, int line, int character)
        => (string)(await Client.RequestAsync("textDocument/hover", Session.Position(uri, line, character)))!["contents"]!["value"]!;

    [Fact]
    public async Task Hover_explains_findings_keys_and_the_removed_job_jwt()
    {
        var finding = await HoverAsync(_fixture.TemplatesUri, 7, 10);
        Assert.Contains("**CIOL004**", finding);
        Assert.Contains("CIOL004.md", finding);

        Assert.Contains("**id_tokens**", await HoverAsync(_fixture.RootUri, 1, 4));
        Assert.Contains("**aud**", await HoverAsync(_fixture.RootUri, 3, 6));
        Assert.Contains("**secrets**", await HoverAsync(_fixture.TemplatesUri, 1, 4));
        Assert.Contains("**token**", await HoverAsync(_fixture.TemplatesUri, 4, 7));
        var jwt = await HoverAsync(_fixture.RootUri, 11, 15);
        Assert.Contains("CI_JOB_JWT_V2", jwt);
        Assert.Contains("17.0", jwt);
        Assert.Null(await Client.RequestAsync("textDocument/hover", Session.Position(_fixture.RootUri, 8, 3)));
    }

    [Fact]
    public async Task Definition_goes_from_token_and_script_variables_to_the_id_token_the_job_gets()
    {
        var fromSecret = (await Client.RequestAsync("textDocument/definition", Session.Position(_fixture.TemplatesUri, 4, 16)))!.AsArray();
        Assert.Equal((_fixture.RootUri, 2, 4), At(fromSecret.Single()!));

        var fromScript = (await Client.RequestAsync("textDocument/definition", Session.Position(_fixture.RootUri, 10, 26)))!.AsArray();
        Assert.Equal((_fixture.RootUri, 2, 4), At(fromScript.Single()!));
    }

    [Fact]
    public async Task Definition_goes_from_extends_and_reference_names_to_the_job()
    {
        var extends = (await Client.RequestAsync("textDocument/definition", Session.Position(_fixture.RootUri, 7, 13)))!.AsArray();
        Assert.Equal((_fixture.TemplatesUri, 0, 0), At(extends.Single()!));

        var job = (await Client.RequestAsync("textDocument/definition", Session.Position(_fixture.RootUri, 9, 20)))!.AsArray();
        Assert.Equal((_fixture.TemplatesUri, 5, 0), At(job.Single()!));
        var key = (await Client.RequestAsync("textDocument/definition", Session.Position(_fixture.RootUri, 9, 28)))!.AsArray();
        Assert.Equal((_fixture.TemplatesUri, 6, 2), At(key.Single()!));
    }

    [Fact]
    public async Task References_of_an_id_token_list_its_declaration_token_and_script_uses()
    {
        var parameters = Session.Position(_fixture.RootUri, 2, 6);
        parameters["context"] = new JsonObject { ["includeDeclaration"] = true };
        var references = (await Client.RequestAsync("textDocument/references", parameters))!.AsArray().Select(l => At(l!)).OrderBy(l => l.Uri).ThenBy(l => l.Line).ToList();
        Assert.Equal(
            new[] { (_fixture.RootUri, 2, 4), (_fixture.RootUri, 10, 22), (_fixture.TemplatesUri, 4, 13) }.OrderBy(l => l.Item1).ThenBy(l => l.Item2),
            references);
    }

    [Fact]
    public async Task Document_symbols_are_jobs_and_templates_with_their_tokens_and_secrets()
    {
        var symbols = (await Client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = _fixture.RootUri } }))!.AsArray();
        Assert.Equal(new[] { "default", "deploy", "other" }, symbols.Select(s => (string)s!["name"]!).ToArray());
        var other = symbols.Single(s => (string?)s!["name"] == "other")!;
        Assert.Equal(12, (int)other["kind"]!);
        Assert.Equal(new[] { "AWS_TOKEN", "S" }, other["children"]!.AsArray().Select(c => (string)c!["name"]!).ToArray());

        var templates = (await Client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = _fixture.TemplatesUri } }))!.AsArray();
        var vault = templates.First()!;
        Assert.Equal((".vault", 5), ((string)vault["name"]!, (int)vault["kind"]!));
        Assert.Equal("DB_PASSWORD", (string?)vault["children"]![0]!["name"]);
    }

    [Fact]
    public async Task Completion_offers_the_jobs_id_tokens_after_a_dollar_and_keys_inside_secrets_and_tokens()
    {
        var tokens = (await Client.RequestAsync("textDocument/completion", Session.Position(_fixture.RootUri, 18, 14)))!["items"]!.AsArray();
        Assert.Equal(new[] { "AWS_TOKEN" }, tokens.Select(i => (string)i!["label"]!).ToArray());

        var keys = (await Client.RequestAsync("textDocument/completion", Session.Position(_fixture.RootUri, 19, 6)))!["items"]!.AsArray().Select(i => (string)i!["label"]!).ToList();
        Assert.Contains("token", keys);
        Assert.Contains("vault", keys);
        Assert.Contains("gcp_secret_manager", keys);
    }

    [Fact]
    public async Task Hover_on_an_id_token_s_name_shows_its_audience_the_jobs_that_get_it_and_their_uses()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync(".gitlab-ci.yml", """
            .vault:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
            deploy:
              extends: .vault
              script:
                - vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN
            lint:
              extends: .vault
              script: [make lint]
            """);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        var hover = await session.Client.RequestAsync("textDocument/hover", Session.Position(uri, 2, 6));
        var text = (string)hover!["contents"]!["value"]!;
        Assert.Contains("ID token `VAULT_ID_TOKEN`", text, StringComparison.Ordinal);
        Assert.Contains("Audience: `https://vault.acme.internal`", text, StringComparison.Ordinal);
        Assert.Contains("Minted for 2 jobs", text, StringComparison.Ordinal);
        Assert.Contains("- `deploy` (through `.vault`): 1 reference in its scripts and secrets", text, StringComparison.Ordinal);
        Assert.Contains("- `lint` (through `.vault`): never refers to it", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_on_an_id_token_s_name_counts_the_secrets_that_pick_it_up_without_token()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync(".gitlab-ci.yml", """
            read:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              secrets:
                DB_PASSWORD:
                  vault: production/db/password@ops
              script: [./migrate.sh]
            """);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        var text = (string)(await session.Client.RequestAsync("textDocument/hover", Session.Position(uri, 2, 6)))!["contents"]!["value"]!;
        Assert.Contains("- `read`: 1 reference in its scripts and secrets (1 secret picks it up without `token:`)", text, StringComparison.Ordinal);
    }
}

namespace CiOidcLint.LanguageServer.Tests;

/// <summary>
/// Renaming an ID token over stdio, as an editor does it: prepareRename, then rename, whose one
/// WorkspaceEdit changes the template in an included file and every job that refers to the
/// token, in every shell's syntax; and the renames that would change what a job means, refused.
/// </summary>
public sealed class RenameTests
{
    private const string Root = """
        include:
          - local: ci/vault.yml
        deploy:
          extends: .vault-login
          script:
            - vault write auth/jwt/login jwt=$VAULT_ID_TOKEN
            - echo "${VAULT_ID_TOKEN}" | wc -c
            - echo $CI_JOB_ID
        deploy-windows:
          extends: .vault-login
          tags: [windows]
          script:
            - vault write auth/jwt/login jwt=$env:VAULT_ID_TOKEN
            - cmd /c "echo %VAULT_ID_TOKEN%"
        lint:
          script: [make lint]

        """;

    private const string Vault = """
        .vault-login:
          id_tokens:
            VAULT_ID_TOKEN:
              aud: https://vault.example.com
          secrets:
            DB_PASSWORD:
              vault: db/prod/password@secret
              token: $VAULT_ID_TOKEN

        """;

    private static async Task<(Session Session, string RootUri, string VaultUri)> StartAsync(string root = Root)
    {
        var session = await Session.StartAsync();
        var vaultUri = await session.OpenAsync("ci/vault.yml", Vault);
        var rootUri = await session.OpenAsync(".gitlab-ci.yml", root);
        await session.Client.WaitForDiagnosticsAsync(rootUri, version: 1);
        return (session, rootUri, vaultUri);
    }

    private static JsonObject Rename(string uri, int line, int character, string newName)
    {
        var parameters = Session.Position(uri, line, character);
        parameters["newName"] = newName;
        return parameters;
    }

    [Fact]
    public async Task Renaming_a_template_s_token_in_an_included_file_changes_every_job_that_gets_it_in_one_edit()
    {
        var (session, rootUri, vaultUri) = await StartAsync();
        await using var _ = session;
        Assert.True((bool)session.InitializeResult["capabilities"]!["renameProvider"]!["prepareProvider"]!);

        // From the key in the included template: the name alone, as the editor's box shows it.
        var prepared = (await session.Client.RequestAsync("textDocument/prepareRename", Session.Position(vaultUri, 2, 8)))!;
        Assert.Equal("VAULT_ID_TOKEN", (string)prepared["placeholder"]!);
        Assert.Equal(4, (int)prepared["range"]!["start"]!["character"]!);
        Assert.Equal(18, (int)prepared["range"]!["end"]!["character"]!);

        var edit = (await session.Client.RequestAsync("textDocument/rename", Rename(vaultUri, 2, 8, "OPENBAO_ID_TOKEN")))!;
        Assert.Equal(
            Vault.Replace("VAULT_ID_TOKEN", "OPENBAO_ID_TOKEN", StringComparison.Ordinal),
            TextEdits.Apply(Vault, TextEdits.For(edit, vaultUri, expectedVersion: 1)));
        Assert.Equal(
            Root.Replace("VAULT_ID_TOKEN", "OPENBAO_ID_TOKEN", StringComparison.Ordinal),
            TextEdits.Apply(Root, TextEdits.For(edit, rootUri, expectedVersion: 1)));

        // From a use in a job's script: the same rename.
        var fromUse = (await session.Client.RequestAsync("textDocument/prepareRename", Session.Position(rootUri, 5, 45)))!;
        Assert.Equal("VAULT_ID_TOKEN", (string)fromUse["placeholder"]!);
        Assert.Equal(38, (int)fromUse["range"]!["start"]!["character"]!);
        var again = (await session.Client.RequestAsync("textDocument/rename", Rename(rootUri, 12, 46, "OPENBAO_ID_TOKEN")))!;
        Assert.Equal(
            Root.Replace("VAULT_ID_TOKEN", "OPENBAO_ID_TOKEN", StringComparison.Ordinal),
            TextEdits.Apply(Root, TextEdits.For(again, rootUri)));
    }

    [Fact]
    public async Task Every_shell_s_way_of_reading_the_token_is_renamed_and_nothing_else()
    {
        const string pipeline = """
            .vault:
              id_tokens:
                TOKEN:
                  aud: https://vault.acme.internal
            deploy:
              extends: .vault
              variables:
                JWT: {value: $TOKEN, description: the login}
              script:
                - login "${TOKEN:?no token}" "${#TOKEN}" "$TOKEN_2" "$$TOKEN" "$TOKEN"
            windows:
              extends: .vault
              tags: [windows]
              script:
                - vault write auth/jwt/login jwt=$env:token
                - Write-Output ${env:TOKEN}

            """;
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync(".gitlab-ci.yml", pipeline);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);

        // From PowerShell's lower-case $env:token, which Windows reads as TOKEN.
        var prepared = (await session.Client.RequestAsync("textDocument/prepareRename", Session.Position(uri, 14, 42)))!;
        Assert.Equal("TOKEN", (string)prepared["placeholder"]!);
        var edit = (await session.Client.RequestAsync("textDocument/rename", Rename(uri, 2, 6, "VAULT_TOKEN")))!;
        var renamed = TextEdits.Apply(pipeline, TextEdits.For(edit, uri));
        Assert.Contains("    VAULT_TOKEN:\n      aud: https://vault.acme.internal\ndeploy:", renamed, StringComparison.Ordinal);
        Assert.Contains("JWT: {value: $VAULT_TOKEN,", renamed, StringComparison.Ordinal);
        Assert.Contains("- login \"${VAULT_TOKEN:?no token}\" \"${#VAULT_TOKEN}\" \"$TOKEN_2\" \"$$TOKEN\" \"$VAULT_TOKEN\"", renamed, StringComparison.Ordinal);
        Assert.Contains("jwt=$env:VAULT_TOKEN", renamed, StringComparison.Ordinal);
        Assert.Contains("Write-Output ${env:VAULT_TOKEN}", renamed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rename_that_would_change_what_a_job_means_is_refused_with_the_reason()
    {
        var withOther = Root.Replace("  script: [make lint]", "  script: [echo $VAULT_ID_TOKEN]", StringComparison.Ordinal);
        var (session, rootUri, vaultUri) = await StartAsync(withOther);
        await using var _ = session;

        var predefined = await Assert.ThrowsAsync<LspErrorException>(() => session.Client.RequestAsync("textDocument/prepareRename", Session.Position(rootUri, 7, 14)));
        Assert.Equal(-32803, predefined.Code);
        Assert.Contains("CI_JOB_ID is a variable GitLab predefines", predefined.Message, StringComparison.Ordinal);

        var elsewhere = await Assert.ThrowsAsync<LspErrorException>(() => session.Client.RequestAsync("textDocument/rename", Rename(vaultUri, 2, 8, "OPENBAO_ID_TOKEN")));
        Assert.Contains("Job 'lint' also uses VAULT_ID_TOKEN but does not get this ID token", elsewhere.Message, StringComparison.Ordinal);

        var invalid = await Assert.ThrowsAsync<LspErrorException>(() => session.Client.RequestAsync("textDocument/rename", Rename(vaultUri, 2, 8, "9-lives")));
        Assert.Contains("'9-lives' is not a variable name", invalid.Message, StringComparison.Ordinal);

        var notToken = await Assert.ThrowsAsync<LspErrorException>(() => session.Client.RequestAsync("textDocument/prepareRename", Session.Position(rootUri, 15, 12)));
        Assert.Contains("Only an ID token can be renamed here", notToken.Message, StringComparison.Ordinal);
    }
}

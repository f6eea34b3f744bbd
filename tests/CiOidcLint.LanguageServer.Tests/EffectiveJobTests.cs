using System.Diagnostics;

namespace CiOidcLint.LanguageServer.Tests;

/// <summary>
/// What the editor shows about a job's identity, over stdio: the code lens above each job, the
/// effective job it opens (the same text as <c>cioidclint show</c>), and hovers on a job's name
/// and on <c>token: $X</c> in a template of an included file.
/// </summary>
public sealed class EffectiveJobTests
{
    private const string Root = """
        include:
          - local: ci/vault.yml
        default:
          image: alpine:3.20
        deploy:
          extends: .vault-login
          script:
            - ./deploy.sh
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
          rules:
            - if: $CI_COMMIT_REF_PROTECTED == "true"

        """;

    private static async Task<(Session Session, string RootUri, string VaultUri)> StartAsync()
    {
        var session = await Session.StartAsync(files: r =>
        {
            r.Write(".gitlab-ci.yml", Root);
            r.Write("ci/vault.yml", Vault);
        });
        var vaultUri = await session.OpenAsync("ci/vault.yml", Vault);
        var rootUri = await session.OpenAsync(".gitlab-ci.yml", Root);
        await session.Client.WaitForDiagnosticsAsync(rootUri, version: 1);
        return (session, rootUri, vaultUri);
    }

    [Fact]
    public async Task A_code_lens_above_each_job_sums_up_its_tokens_and_secrets_and_opens_the_same_text_as_show()
    {
        var (session, rootUri, vaultUri) = await StartAsync();
        await using var _ = session;
        Assert.NotNull(session.InitializeResult["capabilities"]!["codeLensProvider"]);
        Assert.Equal("cioidclint.showEffectiveJob", (string)session.InitializeResult["capabilities"]!["executeCommandProvider"]!["commands"]![0]!);

        var lenses = (await session.Client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = rootUri } }))!.AsArray();
        Assert.Equal(
            new[] { "4: 1 ID token · 1 secret (token VAULT_ID_TOKEN) · from .vault-login", "8: no ID token or secret" },
            lenses.Select(l => $"{(int)l!["range"]!["start"]!["line"]!}: {(string)l["command"]!["title"]!}"));

        // Templates run only through their jobs: no lens of their own.
        var templateLenses = (await session.Client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = vaultUri } }))!.AsArray();
        Assert.Empty(templateLenses);

        // Clicking the lens: the command and arguments it carries, sent back as the client does.
        var command = lenses[0]!["command"]!;
        var text = (string)(await session.Client.RequestAsync("workspace/executeCommand", new JsonObject
        {
            ["command"] = (string)command["command"]!,
            ["arguments"] = command["arguments"]!.DeepClone(),
        }))!;
        Assert.Contains("      aud: https://vault.example.com  # from ci/vault.yml:4 (.vault-login)", text, StringComparison.Ordinal);
        Assert.Equal(Show(session.Repository.Root, "deploy"), text[text.IndexOf("deploy:", StringComparison.Ordinal)..]);

        // Without a job: every job of the pipeline, as `show` with no name prints them.
        var all = (string)(await session.Client.RequestAsync("workspace/executeCommand", new JsonObject
        {
            ["command"] = "cioidclint.showEffectiveJob",
            ["arguments"] = new JsonArray(vaultUri),
        }))!;
        Assert.Equal(Show(session.Repository.Root), all[all.IndexOf("deploy:", StringComparison.Ordinal)..]);

        var unknown = await Assert.ThrowsAsync<LspErrorException>(() => session.Client.RequestAsync("workspace/executeCommand", new JsonObject
        {
            ["command"] = "cioidclint.showEffectiveJob",
            ["arguments"] = new JsonArray(rootUri, "deplo"),
        }));
        Assert.Equal(-32602, unknown.Code);
        Assert.Contains("no job 'deplo'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_on_a_job_s_name_lists_its_effective_tokens_and_secrets_with_where_each_comes_from()
    {
        var (session, rootUri, _) = await StartAsync();
        await using var _s = session;
        var text = (string)(await session.Client.RequestAsync("textDocument/hover", Session.Position(rootUri, 4, 2)))!["contents"]!["value"]!;
        Assert.Contains("**Job `deploy`** as GitLab composes it: 1 ID token · 1 secret (token VAULT_ID_TOKEN) · from .vault-login", text, StringComparison.Ordinal);
        Assert.Contains("- `VAULT_ID_TOKEN`: aud `https://vault.example.com` (ci/vault.yml:3, through `.vault-login`)", text, StringComparison.Ordinal);
        Assert.Contains("- `DB_PASSWORD` from vault, logs in with token `VAULT_ID_TOKEN` (ci/vault.yml:6, through `.vault-login`)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_on_a_secret_s_token_in_an_included_template_names_the_token_and_its_audience()
    {
        var (session, _, vaultUri) = await StartAsync();
        await using var _s = session;
        var text = (string)(await session.Client.RequestAsync("textDocument/hover", Session.Position(vaultUri, 7, 16)))!["contents"]!["value"]!;
        Assert.Contains("**ID token `VAULT_ID_TOKEN`**", text, StringComparison.Ordinal);
        Assert.Contains("Audience `https://vault.example.com`, declared at ci/vault.yml:3 in `.vault-login`", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_on_an_extends_target_or_a_reference_shows_the_content_it_brings()
    {
        var (session, rootUri, _) = await StartAsync();
        await using var _s = session;
        var extends = (string)(await session.Client.RequestAsync("textDocument/hover", Session.Position(rootUri, 5, 14)))!["contents"]!["value"]!;
        Assert.StartsWith("**`extends: .vault-login`** brings\n\n```yaml\n.vault-login:  # from ci/vault.yml:1\n  id_tokens:  # from ci/vault.yml:2\n", extends, StringComparison.Ordinal);

        var uri = await session.OpenAsync("other.gitlab-ci.yml", ".setup:\n  script:\n    - apk add vault\n    - vault version\njob:\n  script:\n    - !reference [.setup, script]\n    - ./run.sh\n");
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        var reference = (string)(await session.Client.RequestAsync("textDocument/hover", Session.Position(uri, 6, 20)))!["contents"]!["value"]!;
        Assert.Equal("**`!reference [.setup, script]`** brings\n\n```yaml\nscript:  # from other.gitlab-ci.yml:3 (.setup)\n  - apk add vault\n  - vault version\n```", reference);
    }

    private static string Show(string root, params string[] jobs)
    {
        var (fileName, prefix) = NativeCli.Command;
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in prefix.Append("show").Concat(jobs))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}

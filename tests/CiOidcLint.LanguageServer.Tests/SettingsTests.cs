namespace CiOidcLint.LanguageServer.Tests;

public sealed class SettingsTests
{
    private const string Jwt = "deploy:\n  script:\n    - echo $CI_JOB_JWT\n";

    [Fact]
    public async Task File_globs_from_workspace_configuration_make_other_yaml_files_pipelines()
    {
        await using var session = await Session.StartAsync(settings: new JsonObject { ["files"] = new JsonArray("pipelines/*.yml") });
        var configuration = await session.Client.WaitForNotificationAsync("workspace/configuration");
        Assert.Equal("cioidclint", (string?)configuration["params"]!["items"]![0]!["section"]);

        var uri = await session.OpenAsync("pipelines/deploy.yml", Jwt);
        var diagnostics = await session.Client.WaitForDiagnosticsAsync(uri, match: d => d.Count > 0);
        Assert.Equal("CIOL001", (string?)diagnostics.Single()!["code"]);

        // Not a pipeline file by name or setting: not linted.
        var other = await session.OpenAsync("docs/example.yml", Jwt);
        var version = await session.ChangeAsync(uri, Jwt + "# edited\n");
        await session.Client.WaitForDiagnosticsAsync(uri, version: version);
        Assert.DoesNotContain(session.Client.Notifications, n => (string?)n["params"]?["uri"] == other);
    }

    [Fact]
    public async Task Initialization_options_carry_settings_for_clients_without_workspace_configuration()
    {
        var options = new JsonObject { ["files"] = new JsonArray("ci/**/*.yml"), ["helpBaseUri"] = "https://mirror.test/rules" };
        var capabilities = Capabilities.Minimal();
        capabilities["textDocument"]!["publishDiagnostics"]!["codeDescriptionSupport"] = true;
        await using var session = await Session.StartAsync(capabilities, initializationOptions: options);
        var uri = await session.OpenAsync("ci/jobs/deploy.yml", Jwt);
        var diagnostic = (await session.Client.WaitForDiagnosticsAsync(uri, version: 1)).Single()!;
        Assert.Equal("https://mirror.test/rules/CIOL001.md", (string?)diagnostic["codeDescription"]!["href"]);
    }

    [Fact]
    public async Task Pushed_configuration_changes_relint_with_the_new_help_links()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync("a.gitlab-ci.yml", Jwt);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        var from = session.Client.Count;
        await session.Client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["cioidclint"] = new JsonObject { ["helpBaseUri"] = "https://mirror.test/" } } });
        var diagnostic = (await session.Client.WaitForDiagnosticsAsync(uri, from: from)).Single()!;
        Assert.Equal("https://mirror.test/CIOL001.md", (string?)diagnostic["codeDescription"]!["href"]);
    }
}

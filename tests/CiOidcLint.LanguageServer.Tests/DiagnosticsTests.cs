namespace CiOidcLint.LanguageServer.Tests;

public sealed class DiagnosticsTests
{
    private static string[] Codes(JsonArray diagnostics) => diagnostics.Select(d => (string)d!["code"]!).OrderBy(c => c, StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Pushed_diagnostics_carry_code_help_link_source_tags_and_version()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync("a.gitlab-ci.yml", Pipelines.Build);
        var diagnostics = await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        Assert.Equal(new[] { "CIOL001", "CIOL004" }, Codes(diagnostics));

        var jwt = diagnostics.Single(d => (string?)d!["code"] == "CIOL001")!;
        Assert.Equal("cioidclint", (string?)jwt["source"]);
        Assert.Equal(1, (int)jwt["severity"]!);
        Assert.EndsWith("/CIOL001.md", (string?)jwt["codeDescription"]!["href"]);
        Assert.Equal(new[] { 2 }, jwt["tags"]!.AsArray().Select(t => (int)t!).ToArray()); // Deprecated
        Assert.Equal(7, (int)jwt["range"]!["start"]!["line"]!);
        Assert.Equal(11, (int)jwt["range"]!["start"]!["character"]!);

        var export = diagnostics.Single(d => (string?)d!["code"] == "CIOL004")!;
        Assert.Equal(2, (int)export["severity"]!);
        Assert.Null(export["tags"]);
    }

    [Fact]
    public async Task A_client_without_tag_related_or_code_description_support_gets_none()
    {
        await using var session = await Session.StartAsync(Capabilities.Minimal(), files: r => r.Write("ci/deploy.yml", Pipelines.Deploy));
        var uri = await session.OpenAsync(".gitlab-ci.yml", Pipelines.Root + "\nbuild:\n  script:\n    - echo $CI_JOB_JWT_V2\n");
        var diagnostics = await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        var jwt = diagnostics.Single(d => (string?)d!["code"] == "CIOL001")!;
        Assert.Null(jwt["tags"]);
        Assert.Null(jwt["codeDescription"]);
        var deploy = await session.Client.WaitForDiagnosticsAsync(session.Repository.Uri("ci/deploy.yml"));
        Assert.Null(deploy.Single(d => (string?)d!["code"] == "CIOL002")!["relatedInformation"]);
        Assert.Null(deploy.Single(d => (string?)d!["code"] == "CIOL013")!["tags"]);
    }

    [Fact]
    public async Task Findings_in_an_included_file_go_to_its_uri_with_the_affected_jobs()
    {
        await using var session = await Session.StartAsync(files: r => r.Write("ci/deploy.yml", Pipelines.Deploy));
        var root = await session.OpenAsync(".gitlab-ci.yml", Pipelines.Root);
        var deployUri = session.Repository.Uri("ci/deploy.yml");

        var deploy = await session.Client.WaitForDiagnosticsAsync(deployUri);
        var missingAud = deploy.Single(d => (string?)d!["code"] == "CIOL002")!;
        var unused = deploy.Single(d => (string?)d!["code"] == "CIOL013")!;
        Assert.Equal(new[] { 1 }, unused["tags"]!.AsArray().Select(t => (int)t!).ToArray()); // Unnecessary
        var related = missingAud["relatedInformation"]!.AsArray().Single()!;
        Assert.Equal(root, (string?)related["location"]!["uri"]);
        Assert.Equal(2, (int)related["location"]!["range"]!["start"]!["line"]!); // the 'deploy:' key
        Assert.Contains("'deploy'", (string?)related["message"]);
        Assert.Empty(await session.Client.WaitForDiagnosticsAsync(root, version: 1));
    }

    [Fact]
    public async Task A_file_two_open_pipelines_include_shows_each_problem_once_with_the_jobs_of_both()
    {
        await using var session = await Session.StartAsync(files: r => r.Write("ci/shared.yml", ".login:\n  script:\n    - export T=$(vault write -field=token auth/jwt/login)\n"));
        var first = await session.OpenAsync(".gitlab-ci.yml", "include: ci/shared.yml\na:\n  extends: .login\n");
        var second = await session.OpenAsync("other.gitlab-ci.yml", "include: ci/shared.yml\nb:\n  extends: .login\n");
        var shared = await session.Client.WaitForDiagnosticsAsync(
            session.Repository.Uri("ci/shared.yml"),
            match: d => d.Count == 1 && d[0]!["relatedInformation"]?.AsArray().Count == 2);

        var export = shared.Single()!;
        Assert.EndsWith("(in jobs 'a', 'b')", (string?)export["message"], StringComparison.Ordinal);
        Assert.Equal(new[] { first, second }, export["relatedInformation"]!.AsArray().Select(r => (string?)r!["location"]!["uri"]).OrderBy(u => u, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Closing_a_document_clears_its_diagnostics_unless_its_pipeline_is_still_open()
    {
        await using var session = await Session.StartAsync(files: r => r.Write("ci/deploy.yml", Pipelines.Deploy));
        var root = await session.OpenAsync(".gitlab-ci.yml", Pipelines.Root);
        var deployUri = await session.OpenAsync("ci/deploy.yml", Pipelines.Deploy);
        Assert.Contains("CIOL002", Codes(await session.Client.WaitForDiagnosticsAsync(deployUri, version: 1)));

        var from = session.Client.Count;
        await session.CloseAsync(deployUri);
        // Still part of the open root's pipeline: published again (from disk), not cleared.
        var afterClose = await session.Client.WaitForDiagnosticsAsync(deployUri, from: from, match: d => d.Count > 0);
        Assert.Contains("CIOL002", Codes(afterClose));

        from = session.Client.Count;
        await session.CloseAsync(root);
        Assert.Empty(await session.Client.WaitForDiagnosticsAsync(deployUri, from: from));
        Assert.Empty(await session.Client.WaitForDiagnosticsAsync(root, from: from));
    }

    [Fact]
    public async Task Incremental_changes_relint_and_a_burst_ends_with_the_last_version()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync("a.gitlab-ci.yml", Pipelines.Build);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);

        // Line 7 is "  - echo $CI_JOB_JWT": rename the variable one character at a time.
        var version = 0;
        foreach (var (character, text) in new[] { (21, "X"), (22, "Y"), (23, "Z") })
        {
            version = await session.ChangeAsync(uri, 7, character, 7, character, text);
        }

        var diagnostics = await session.Client.WaitForDiagnosticsAsync(uri, version: version);
        Assert.Equal(new[] { "CIOL004" }, Codes(diagnostics));
        var versions = session.Client.Notifications
            .Where(n => (string?)n["method"] == "textDocument/publishDiagnostics" && (string?)n["params"]!["uri"] == uri)
            .Select(n => (int)n["params"]!["version"]!)
            .ToList();
        Assert.Equal(versions.OrderBy(v => v), versions);
    }

    [Fact]
    public async Task A_syntax_error_mid_edit_still_gets_diagnostics_for_the_rest()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync("a.gitlab-ci.yml", Pipelines.Build + "\nbroken:\n  script: [echo\n");
        var diagnostics = await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        Assert.Contains("CIOL000", Codes(diagnostics));
        Assert.Contains("CIOL004", Codes(diagnostics));
    }

    [Fact]
    public async Task Watched_files_are_registered_and_a_changed_include_or_editorconfig_relints()
    {
        await using var session = await Session.StartAsync(files: r => r.Write("ci/deploy.yml", Pipelines.Deploy));
        await session.Client.WaitForNotificationAsync("client/registerCapability");
        var watchers = session.Client.ServerRequests.First(r => (string?)r["method"] == "client/registerCapability")["params"]!["registrations"]!.AsArray()
            .Single(r => (string?)r!["method"] == "workspace/didChangeWatchedFiles")!["registerOptions"]!["watchers"]!.AsArray()
            .Select(w => (string)w!["globPattern"]!).ToList();
        Assert.Contains("**/.editorconfig", watchers);
        Assert.Contains("**/*.{yml,yaml}", watchers);

        var root = await session.OpenAsync(".gitlab-ci.yml", Pipelines.Root);
        var deployUri = session.Repository.Uri("ci/deploy.yml");
        Assert.Contains("CIOL002", Codes(await session.Client.WaitForDiagnosticsAsync(deployUri)));

        // The include is fixed on disk (not open in the editor).
        var from = session.Client.Count;
        session.Repository.Write("ci/deploy.yml", Pipelines.Deploy.Replace("NO_AUD: {}", "NO_AUD:\n      aud: https://vault.gitlab.net"));
        await session.Client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = deployUri, ["type"] = 2 }) });
        Assert.DoesNotContain("CIOL002", Codes(await session.Client.WaitForDiagnosticsAsync(deployUri, from: from)));

        // An .editorconfig turns CIOL001 off.
        from = session.Client.Count;
        var version = await session.ChangeAsync(root, Pipelines.Root + "\nbuild:\n  script:\n    - echo $CI_JOB_JWT\n");
        Assert.Single(await session.Client.WaitForDiagnosticsAsync(root, version: version));
        from = session.Client.Count;
        var editorconfig = session.Repository.Write(".editorconfig", "root = true\n\n[*.yml]\ndotnet_diagnostic.CIOL001.severity = none\n");
        await session.Client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = editorconfig, ["type"] = 1 }) });
        Assert.Empty(await session.Client.WaitForDiagnosticsAsync(root, from: from));
    }

    [Fact]
    public async Task A_pulling_client_gets_nothing_pushed_and_pulls_reports()
    {
        await using var session = await Session.StartAsync(Capabilities.Pull());
        Assert.Equal("cioidclint", (string?)session.InitializeResult["capabilities"]!["diagnosticProvider"]!["identifier"]);
        var uri = await session.OpenAsync("a.gitlab-ci.yml", Pipelines.Build);
        var report = (await session.Client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))!;
        Assert.Equal("full", (string?)report["kind"]);
        Assert.Equal(new[] { "CIOL001", "CIOL004" }, Codes(report["items"]!.AsArray()));

        var again = (await session.Client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["previousResultId"] = report["resultId"]!.DeepClone() }))!;
        Assert.Equal("unchanged", (string?)again["kind"]);

        // A settings change makes the server ask the client to pull again.
        await session.Client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["cioidclint"] = new JsonObject { ["helpBaseUri"] = "https://mirror.test/rules/" } } });
        await session.Client.WaitForNotificationAsync("workspace/diagnostic/refresh");
        var relinked = (await session.Client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }))!;
        Assert.StartsWith("https://mirror.test/rules/CIOL", (string?)relinked["items"]![0]!["codeDescription"]!["href"]);
        Assert.DoesNotContain(session.Client.Notifications, n => (string?)n["method"] == "textDocument/publishDiagnostics");
    }

    [Fact]
    public async Task An_open_included_file_counts_with_its_unsaved_text_and_other_yaml_gets_nothing()
    {
        await using var session = await Session.StartAsync(files: r =>
        {
            r.Write("ci/deploy.yml", "deploy:\n  script: [echo fine]\n");
            r.Write("docker-compose.yml", "services:\n  web:\n    image: nginx\n");
        });

        // The editor sends every YAML file: the server lints only pipelines.
        var compose = await session.OpenAsync("docker-compose.yml", "services:\n  web:\n    command: echo $CI_JOB_JWT\n");
        var included = await session.OpenAsync("ci/deploy.yml", "deploy:\n  script: [echo $CI_JOB_JWT_V2]\n");
        var root = await session.OpenAsync(".gitlab-ci.yml", "include: ci/deploy.yml\nbuild:\n  script: [make]\n");
        var diagnostics = await session.Client.WaitForDiagnosticsAsync(included, match: d => d.Count > 0);
        Assert.Equal("CIOL001", (string?)diagnostics.Single()!["code"]);
        Assert.Empty(await session.Client.WaitForDiagnosticsAsync(root));
        Assert.DoesNotContain(session.Client.Notifications, n => (string?)n["method"] == "textDocument/publishDiagnostics" && (string?)n["params"]!["uri"] == compose && n["params"]!["diagnostics"]!.AsArray().Count > 0);
    }
}

namespace CiOidcLint.LanguageServer.Tests;

public sealed class CodeActionTests
{
    private static JsonObject Request(string uri, JsonObject range, params string[] only)
    {
        var context = new JsonObject { ["diagnostics"] = new JsonArray() };
        if (only.Length > 0)
        {
            context["only"] = new JsonArray(only.Select(o => (JsonNode)o).ToArray());
        }

        return new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["range"] = range, ["context"] = context };
    }

    private static async Task<JsonArray> ActionsAsync(Session session, string uri, int line, params string[] only)
        => (await session.Client.RequestAsync("textDocument/codeAction", Request(uri, Session.Range(line, 0, line, 200), only)))!.AsArray();

    [Fact]
    public async Task Open_diagnose_quick_fix_apply_relint_close_shutdown_exit()
    {
        await using var session = await Session.StartAsync();
        var text = Pipelines.Build;
        var uri = await session.OpenAsync("a.gitlab-ci.yml", text);
        var diagnostics = await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        Assert.Contains(diagnostics, d => (string?)d!["code"] == "CIOL004");

        var actions = await ActionsAsync(session, uri, 6);
        var fix = actions.Single(a => (bool?)a!["isPreferred"] == true)!;
        Assert.Equal("quickfix", (string?)fix["kind"]);
        Assert.Equal("CIOL004", (string?)fix["diagnostics"]![0]!["code"]);
        var edited = TextEdits.Apply(text, TextEdits.For(fix["edit"]!, uri, expectedVersion: 1));
        Assert.Contains("- VAULT_TOKEN=$(vault write", edited);
        Assert.Contains("- export VAULT_TOKEN", edited);

        var version = await session.ChangeAsync(uri, edited);
        var relinted = await session.Client.WaitForDiagnosticsAsync(uri, version: version);
        Assert.DoesNotContain(relinted, d => (string?)d!["code"] == "CIOL004");
        Assert.Contains(relinted, d => (string?)d!["code"] == "CIOL001");

        var from = session.Client.Count;
        await session.CloseAsync(uri);
        Assert.Empty(await session.Client.WaitForDiagnosticsAsync(uri, from: from));
        await session.Client.ShutdownAndExitAsync();
        Assert.Equal(0, await session.Client.WaitForExitAsync());
        Assert.Null(session.Client.ProtocolViolation);
    }

    [Fact]
    public async Task Ignore_on_this_line_inserts_the_suppression_comment_and_the_finding_goes()
    {
        await using var session = await Session.StartAsync();
        var text = "build:\n  script:\n    - |\n      echo one\n      echo $CI_JOB_JWT\n";
        var uri = await session.OpenAsync("a.gitlab-ci.yml", text);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);

        var ignore = (await ActionsAsync(session, uri, 4)).Single(a => (string?)a!["title"] == "Ignore CIOL001 on this line")!;
        Assert.Null(ignore["isPreferred"]);
        var edited = TextEdits.Apply(text, TextEdits.For(ignore["edit"]!, uri));
        Assert.Equal("build:\n  script:\n    # cioidclint: ignore[CIOL001]\n    - |\n      echo one\n      echo $CI_JOB_JWT\n", edited);

        var version = await session.ChangeAsync(uri, edited);
        Assert.Empty(await session.Client.WaitForDiagnosticsAsync(uri, version: version));
    }

    [Fact]
    public async Task Set_severity_creates_the_editorconfig_or_reuses_its_yaml_section()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync("a.gitlab-ci.yml", Pipelines.Build);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);

        // No .editorconfig yet: the edit creates it.
        var create = (await ActionsAsync(session, uri, 7)).Single(a => (string?)a!["title"] == "Set CIOL001 severity in .editorconfig")!;
        var changes = create["edit"]!["documentChanges"]!.AsArray();
        Assert.Equal("create", (string?)changes[0]!["kind"]);
        var editorconfigUri = session.Repository.Uri(".editorconfig");
        Assert.Equal(editorconfigUri, (string?)changes[0]!["uri"]);
        Assert.Equal("[*.{yml,yaml}]\ndotnet_diagnostic.CIOL001.severity = none\n", TextEdits.Apply(string.Empty, changes[1]!["edits"]!.AsArray()));

        // An existing section of that glob is reused.
        var existing = "root = true\n\n[*.{yml,yaml}]\nindent_size = 2\n\n[*.md]\nmax_line_length = off\n";
        session.Repository.Write(".editorconfig", existing);
        var edit = (await ActionsAsync(session, uri, 7)).Single(a => (string?)a!["title"] == "Set CIOL001 severity in .editorconfig")!["edit"]!;
        var written = TextEdits.Apply(existing, TextEdits.For(edit, editorconfigUri));
        Assert.Equal("root = true\n\n[*.{yml,yaml}]\nindent_size = 2\ndotnet_diagnostic.CIOL001.severity = none\n\n[*.md]\nmax_line_length = off\n", written);

        // Written to disk, the watcher's event re-lints without CIOL001.
        session.Repository.Write(".editorconfig", written);
        var from = session.Client.Count;
        await session.Client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = editorconfigUri, ["type"] = 2 }) });
        var relinted = await session.Client.WaitForDiagnosticsAsync(uri, from: from);
        Assert.Equal(new[] { "CIOL004" }, relinted.Select(d => (string)d!["code"]!).ToArray());
    }

    [Fact]
    public async Task Fix_all_applies_every_preferred_fix_of_the_file()
    {
        await using var session = await Session.StartAsync();
        var text = "a:\n  script:\n    - export A=$(aws sts get-caller-identity)\nb:\n  script:\n    - export B=$(vault read x)\n    - ./use.sh $B\n";
        var uri = await session.OpenAsync("a.gitlab-ci.yml", text);
        Assert.Equal(2, (await session.Client.WaitForDiagnosticsAsync(uri, version: 1)).Count);

        var action = (await ActionsAsync(session, uri, 0, "source.fixAll")).Single()!;
        Assert.Equal("source.fixAll.cioidclint", (string?)action["kind"]);
        var edited = TextEdits.Apply(text, TextEdits.For(action["edit"]!, uri, expectedVersion: 1));
        Assert.Contains("- A=$(aws sts get-caller-identity)", edited);
        Assert.Contains("- B=$(vault read x)", edited);

        var version = await session.ChangeAsync(uri, edited);
        Assert.Empty(await session.Client.WaitForDiagnosticsAsync(uri, version: version));
        Assert.Empty(await ActionsAsync(session, uri, 0, "source.fixAll.cioidclint"));
    }

    [Fact]
    public async Task A_client_without_document_changes_gets_plain_changes_and_no_file_creation()
    {
        await using var session = await Session.StartAsync(Capabilities.Minimal());
        var uri = await session.OpenAsync("a.gitlab-ci.yml", Pipelines.Build);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        var actions = await ActionsAsync(session, uri, 6);
        var fix = actions.First(a => ((string?)a!["title"])!.Contains("CIOL004") is false && a["diagnostics"]![0]!["code"]!.ToString() == "CIOL004")!;
        Assert.Null(fix["edit"]!["documentChanges"]);
        Assert.NotNull(fix["edit"]!["changes"]![uri]);
        Assert.Null(fix["isPreferred"]); // the client did not say it understands isPreferred
        Assert.DoesNotContain(actions, a => ((string?)a!["title"])!.StartsWith("Set CIOL004 severity"));
    }
}

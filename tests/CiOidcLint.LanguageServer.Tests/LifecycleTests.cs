namespace CiOidcLint.LanguageServer.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Initialize_advertises_what_is_implemented_and_logs_through_window_logMessage()
    {
        await using var session = await Session.StartAsync();
        var capabilities = session.InitializeResult["capabilities"]!;
        Assert.Equal(2, (int)capabilities["textDocumentSync"]!["change"]!);
        Assert.True((bool)capabilities["textDocumentSync"]!["openClose"]!);
        Assert.Equal("utf-16", (string?)capabilities["positionEncoding"]);
        Assert.Null(capabilities["diagnosticProvider"]); // this client does not pull
        Assert.Equal("cioidclint", (string?)session.InitializeResult["serverInfo"]!["name"]);
        var log = await session.Client.WaitForNotificationAsync("window/logMessage", p => ((string?)p["message"])!.Contains("language server"));
        Assert.Equal(3, (int)log["params"]!["type"]!);

        await session.Client.ShutdownAndExitAsync();
        Assert.Equal(0, await session.Client.WaitForExitAsync());
        Assert.Null(session.Client.ProtocolViolation);
    }

    [Fact]
    public async Task Exit_without_shutdown_exits_with_code_1()
    {
        await using var session = await Session.StartAsync();
        await session.Client.NotifyAsync("exit", null);
        Assert.Equal(1, await session.Client.WaitForExitAsync());
    }

    [Fact]
    public async Task Requests_before_initialize_and_after_shutdown_are_refused()
    {
        await using var client = ServerProcess.Start();
        var early = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///x.yml" } }));
        Assert.Equal(-32002, early.Code);

        using var repository = new TempRepository();
        await client.InitializeAsync(repository.Root, Capabilities.Minimal());
        await client.RequestAsync("shutdown", null);
        var late = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = repository.Uri("a.yml") } }));
        Assert.Equal(-32600, late.Code);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.WaitForExitAsync());
    }

    [Fact]
    public async Task SetTrace_turns_logTrace_on()
    {
        await using var session = await Session.StartAsync(trace: "off");
        var from = session.Client.Count;
        await session.Client.NotifyAsync("$/setTrace", new JsonObject { ["value"] = "verbose" });
        await session.OpenAsync("a.gitlab-ci.yml", Pipelines.Build);
        var trace = await session.Client.WaitForNotificationAsync("$/logTrace", p => ((string?)p["message"])!.StartsWith("textDocument/didOpen"), from);
        Assert.Contains("handled in", (string?)trace["params"]!["message"]);
    }

    [Fact]
    public async Task CancelRequest_cancels_a_request_waiting_for_analysis_and_the_server_goes_on()
    {
        await using var session = await Session.StartAsync();
        var text = GeneratedPipeline.Create(jobs: 1000);
        var uri = await session.OpenAsync("big.gitlab-ci.yml", text);

        // A change starts a new analysis; the request waits for it and is cancelled meanwhile.
        var change = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "textDocument/didChange",
            ["params"] = new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text + "\n# edited\n" }),
            },
        };
        var response = await session.Client.RequestAndCancelAsync(new[] { change }, "textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        Assert.True(response["error"] is JsonObject, "the cancelled request got a result: " + response.ToJsonString());
        Assert.Equal(-32800, (int)response["error"]!["code"]!);

        var diagnostics = await session.Client.WaitForDiagnosticsAsync(uri, version: 2);
        Assert.NotEmpty(diagnostics);
    }
}

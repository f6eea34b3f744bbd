using System.Text;

namespace CiOidcLint.LanguageServer.Tests;

/// <summary>Bad input from a client: answered or logged, and the server goes on; a frame that lies about its length ends it.</summary>
public sealed class MalformedInputTests
{
    private static async Task AssertStillServing(Session session)
    {
        var symbols = await session.Client.RequestRawAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = session.Repository.Uri("a.gitlab-ci.yml") } });
        Assert.NotNull(symbols["result"]);
    }

    [Fact]
    public async Task Invalid_json_gets_a_parse_error_with_id_null_unknown_methods_method_not_found_and_bad_changes_are_logged()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync("a.gitlab-ci.yml", Pipelines.Build);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);

        var from = session.Client.Count;
        await session.Client.SendRawAsync(LspStdioClient.Frame(Encoding.UTF8.GetBytes("{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": ")));
        var parseError = await session.Client.WaitForNotificationAsync("(response without id)", from: from);
        Assert.Equal(-32700, (int)parseError["params"]!["error"]!["code"]!);
        Assert.True(parseError["params"]!.AsObject().ContainsKey("id"));
        Assert.Null(parseError["params"]!["id"]);
        await AssertStillServing(session);

        var unknown = await Assert.ThrowsAsync<LspErrorException>(() => session.Client.RequestAsync("cioidclint/noSuchMethod", new JsonObject()));
        Assert.Equal(-32601, unknown.Code);
        await AssertStillServing(session);

        from = session.Client.Count;
        await session.Client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = session.Repository.Uri("never-opened.yml"), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "x: 1" }),
        });
        await session.Client.WaitForNotificationAsync("window/logMessage", p => ((string?)p["message"])!.Contains("not open"), from);
        await AssertStillServing(session);

        from = session.Client.Count;
        await session.ChangeAsync(uri, 40, 0, 41, 0, "oops");
        await session.Client.WaitForNotificationAsync("window/logMessage", p => ((string?)p["message"])!.Contains("outside the document"), from);
        await AssertStillServing(session);

        // The ignored change left the text as it was: an edit at a real place still lines up.
        var version = await session.ChangeAsync(uri, 7, 11, 7, 22, "$HOME");
        var diagnostics = await session.Client.WaitForDiagnosticsAsync(uri, version: version);
        Assert.Equal("CIOL004", (string?)diagnostics.Single()!["code"]);
        Assert.Null(session.Client.ProtocolViolation);
    }

    [Fact]
    public async Task Members_a_client_leaves_out_keep_their_defaults()
    {
        // initialize with nothing but processId (no capabilities object) is answered.
        await using (var bare = ServerProcess.Start())
        {
            var init = await bare.RequestRawAsync("initialize", new JsonObject { ["processId"] = null });
            Assert.True(init["result"]?["capabilities"] is JsonObject, "initialize without capabilities: " + init.ToJsonString());
            await bare.NotifyAsync("initialized", new JsonObject());
            await bare.ShutdownAndExitAsync();
        }

        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync("a.gitlab-ci.yml", Pipelines.Build);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);

        // A hover without a position, a code action without a context: answered, never an internal error.
        foreach (var (method, parameters) in new[]
        {
            ("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }),
            ("textDocument/codeAction", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }),
            ("textDocument/references", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = new JsonObject { ["line"] = 3, ["character"] = 6 } }),
            ("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }),
            ("textDocument/completion", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }),
            ("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///elsewhere/x.yml" } }),
        })
        {
            var response = await session.Client.RequestRawAsync(method, parameters);
            Assert.True(response["error"] is null, $"{method} with members left out: {response.ToJsonString()}");
        }

        await AssertStillServing(session);
    }

    /// <summary>
    /// Hover, completion, code lens, rename and the effective-job command on a half-typed,
    /// broken pipeline, at every position of every line: answered or refused with a reason,
    /// never an internal error.
    /// </summary>
    [Fact]
    public async Task Navigation_requests_on_broken_yaml_answer_or_refuse_but_never_fail()
    {
        const string broken = "include:\n  - local: [\nbuild:\n  id_tokens:\n    T: {aud: \n  script:\n    - echo $T ${T:- \"$env:\n  secrets:\n    S:\n      vault: a@b\n      token: $\n\t- x: !reference [\n";
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync(".gitlab-ci.yml", broken);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);
        var lines = broken.Split('\n');
        var requests = 0;
        for (var line = 0; line < lines.Length; line++)
        {
            for (var character = 0; character <= lines[line].Length; character++)
            {
                foreach (var method in new[] { "textDocument/hover", "textDocument/completion", "textDocument/prepareRename", "textDocument/rename", "textDocument/definition" })
                {
                    var parameters = Session.Position(uri, line, character);
                    parameters["newName"] = "RENAMED";
                    var response = await session.Client.RequestRawAsync(method, parameters);
                    Assert.True(response["error"] is null || (int)response["error"]!["code"]! == -32803, $"{method} at {line}:{character}: {response.ToJsonString()}");
                    requests++;
                }
            }
        }

        foreach (var method in new[] { "textDocument/codeLens", "textDocument/documentSymbol" })
        {
            var response = await session.Client.RequestRawAsync(method, new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
            Assert.True(response["error"] is null, $"{method}: {response.ToJsonString()}");
        }

        var command = await session.Client.RequestRawAsync("workspace/executeCommand", new JsonObject { ["command"] = "cioidclint.showEffectiveJob", ["arguments"] = new JsonArray(uri) });
        Assert.True(command["error"] is null || (int)command["error"]!["code"]! == -32602, command.ToJsonString());
        var noArguments = await session.Client.RequestRawAsync("workspace/executeCommand", new JsonObject { ["command"] = "cioidclint.showEffectiveJob" });
        Assert.Equal(-32602, (int)noArguments["error"]!["code"]!);
        Assert.True(requests > 500);
        await AssertStillServing(session);
    }

    [Fact]
    public async Task Parameters_of_the_wrong_shape_get_invalid_params_naming_where_and_bad_notifications_are_logged()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync("a.gitlab-ci.yml", Pipelines.Build);
        await session.Client.WaitForDiagnosticsAsync(uri, version: 1);

        var wrongLine = await Assert.ThrowsAsync<LspErrorException>(() => session.Client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = new JsonObject { ["line"] = "x", ["character"] = 0 },
        }));
        Assert.Equal(-32602, wrongLine.Code);
        Assert.Contains("$.position.line", wrongLine.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", wrongLine.Message, StringComparison.Ordinal);
        await AssertStillServing(session);

        var from = session.Client.Count;
        await session.Client.NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = 5 } });
        await session.Client.WaitForNotificationAsync("window/logMessage", p => ((string?)p["message"])!.Contains("textDocument/didOpen: the parameters at $.textDocument.uri", StringComparison.Ordinal), from);
        await AssertStillServing(session);
        Assert.Null(session.Client.ProtocolViolation);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(25)]
    public async Task A_frame_whose_content_length_lies_ends_the_server_with_a_message_on_stderr(int lie)
    {
        await using var session = await Session.StartAsync();
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 99, ["method"] = "shutdown" }.ToJsonString());
        var next = LspStdioClient.Frame(Encoding.UTF8.GetBytes(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 100, ["method"] = "shutdown" }.ToJsonString()));
        var lying = Encoding.ASCII.GetBytes($"Content-Length: {body.Length + lie}\r\n\r\n").Concat(body).Concat(next).ToArray();
        await session.Client.SendRawAsync(lying);
        Assert.NotEqual(0, await session.Client.WaitForExitAsync());
        Assert.Contains("Content-Length", session.Client.Stderr);
    }
}

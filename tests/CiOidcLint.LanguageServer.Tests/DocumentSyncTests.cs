namespace CiOidcLint.LanguageServer.Tests;

/// <summary>
/// Which documents an editor sends is the server's decision (one list of pipeline names, the
/// engine's): a client that takes registrations gets no static sync capability, then
/// registrations of didOpen, didChange, didSave and didClose for GitLab's names and the
/// <c>files</c> setting's globs, registered again when the setting changes.
/// </summary>
public sealed class DocumentSyncTests
{
    private static JsonObject DynamicSync()
    {
        var capabilities = Capabilities.Full();
        capabilities["textDocument"]!["synchronization"] = new JsonObject { ["dynamicRegistration"] = true };
        return capabilities;
    }

    private static List<JsonObject> Requests(Session session, string method)
        => session.Client.ServerRequests.Where(r => (string?)r["method"] == method).ToList();

    private static async Task<List<JsonObject>> WaitForRequestsAsync(Session session, string method, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Requests(session, method).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the server sent {Requests(session, method).Count} {method}, not {count}");
            await Task.Delay(20);
        }

        return Requests(session, method);
    }

    private static IEnumerable<(string Method, string[] Patterns)> SyncRegistrations(JsonObject request)
        => request["params"]!["registrations"]!.AsArray()
            .Where(r => ((string)r!["method"]!).StartsWith("textDocument/", StringComparison.Ordinal))
            .Select(r => ((string)r!["method"]!, r["registerOptions"]!["documentSelector"]!.AsArray().Select(f => (string)f!["pattern"]!).ToArray()));

    [Fact]
    public async Task A_client_that_takes_registrations_is_told_the_pipeline_names_and_told_again_when_the_files_setting_changes()
    {
        await using var session = await Session.StartAsync(DynamicSync());
        Assert.False(session.InitializeResult["capabilities"]!.AsObject().ContainsKey("textDocumentSync"));

        var registered = SyncRegistrations((await WaitForRequestsAsync(session, "client/registerCapability", 2)).Last()).ToList();
        Assert.Equal(new[] { "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave", "textDocument/didClose" }, registered.Select(r => r.Method));
        Assert.All(registered, r => Assert.Equal(
            new[] { "**/.gitlab-ci.yml", "**/.gitlab-ci.yaml", "**/*.gitlab-ci.yml", "**/*.gitlab-ci.yaml", "**/.gitlab/ci/**/*.yml", "**/.gitlab/ci/**/*.yaml" },
            r.Patterns));
        var change = (await WaitForRequestsAsync(session, "client/registerCapability", 2)).Last()["params"]!["registrations"]!.AsArray()
            .Single(r => (string)r!["method"]! == "textDocument/didChange")!;
        Assert.Equal(2, (int)change["registerOptions"]!["syncKind"]!);

        await session.Client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["cioidclint"] = new JsonObject { ["files"] = new JsonArray("./ci/*.yml") } } });
        var unregistered = (await WaitForRequestsAsync(session, "client/unregisterCapability", 1)).Single()["params"]!["unregisterations"]!.AsArray();
        Assert.Equal(4, unregistered.Count);
        var again = SyncRegistrations((await WaitForRequestsAsync(session, "client/registerCapability", 3)).Last()).ToList();
        Assert.All(again, r => Assert.Equal("**/ci/*.yml", r.Patterns[^1]));

        // The documents it then sends are linted as before.
        var uri = await session.OpenAsync("ci/deploy.yml", "job:\n  script: [echo $CI_JOB_JWT]\n");
        Assert.Single(await session.Client.WaitForDiagnosticsAsync(uri, version: 1));
    }

    [Fact]
    public async Task A_client_that_pulls_diagnostics_is_asked_to_pull_again_once_it_sends_the_documents()
    {
        // vscode-languageclient opens the documents already open when it takes the registration
        // without pulling their diagnostics: the server asks for the pull.
        var capabilities = Capabilities.Pull();
        capabilities["textDocument"]!["synchronization"] = new JsonObject { ["dynamicRegistration"] = true };
        await using var session = await Session.StartAsync(capabilities);
        var registered = await WaitForRequestsAsync(session, "client/registerCapability", 2);
        var refresh = await WaitForRequestsAsync(session, "workspace/diagnostic/refresh", 1);
        var requests = session.Client.ServerRequests.ToList();
        Assert.True(requests.IndexOf(refresh[0]) > requests.IndexOf(registered.Last()), "the refresh follows the registration");
    }

    [Fact]
    public async Task A_client_that_does_not_gets_the_static_sync_capability()
    {
        await using var session = await Session.StartAsync();
        Assert.Equal(2, (int)session.InitializeResult["capabilities"]!["textDocumentSync"]!["change"]!);
        await Task.Delay(200);
        Assert.DoesNotContain(Requests(session, "client/registerCapability"), r => SyncRegistrations(r).Any());
    }
}

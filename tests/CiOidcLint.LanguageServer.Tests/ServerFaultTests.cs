namespace CiOidcLint.LanguageServer.Tests;

/// <summary>Faults a server meets in the field: a client that dies mid-request, and a burst of changes.</summary>
public sealed class ServerFaultTests
{
    [Fact]
    public async Task A_client_that_dies_mid_request_leaves_no_server_behind()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync(".gitlab-ci.yml", Pipelines.Build);
        _ = session.Client.RequestRawAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = Session.Range(0, 0, 10, 0),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });
        session.Client.CloseInput();
        await session.Client.WaitForExitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_burst_of_a_thousand_changes_ends_with_the_last_state_and_bounded_memory()
    {
        await using var session = await Session.StartAsync();
        var uri = await session.OpenAsync(".gitlab-ci.yml", Pipelines.Build);
        var padding = new string('#', 20_000);
        var version = 1;
        for (var i = 0; i < 1000; i++)
        {
            // Every other text has the finding; each is large enough that keeping them all would show.
            var text = (i % 2 == 0 ? "job:\n  script:\n    - echo $CI_JOB_JWT\n" : "job:\n  script:\n    - echo fine\n") + "# " + padding + i + "\n";
            version = await session.ChangeAsync(uri, text);
        }

        // The last text (i = 999) has no finding.
        Assert.Empty(await session.Client.WaitForDiagnosticsAsync(uri, version: version));
        var status = File.ReadAllLines($"/proc/{session.Client.ProcessId}/status");
        var rssKb = long.Parse(status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        Assert.True(rssKb < 200 * 1024, $"the server holds {rssKb / 1024} MiB after the burst");
    }
}

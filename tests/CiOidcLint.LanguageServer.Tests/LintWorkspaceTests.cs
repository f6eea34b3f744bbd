namespace CiOidcLint.LanguageServer.Tests;

/// <summary><c>cioidclint/lintWorkspace</c>: every pipeline of the repository, open or not, as the server's own diagnostics.</summary>
public sealed class LintWorkspaceTests
{
    [Fact]
    public async Task Closed_pipelines_are_found_by_name_and_reported_with_the_configured_help_links()
    {
        var options = new JsonObject { ["helpBaseUri"] = "https://mirror.test/rules" };
        var capabilities = Capabilities.Minimal();
        capabilities["textDocument"]!["publishDiagnostics"]!["codeDescriptionSupport"] = true;
        await using var session = await Session.StartAsync(capabilities, initializationOptions: options, files: r =>
        {
            r.Write(".gitlab-ci.yml", "include:\n  - local: ci/deploy.yaml\nbuild:\n  script: [echo $CI_JOB_JWT]\n");
            r.Write("ci/deploy.yaml", "deploy:\n  script:\n    - export T=$(vault write auth/jwt/login role=x)\n");
            r.Write("templates/release.gitlab-ci.yaml", "release:\n  script: [echo $CI_JOB_JWT_V2]\n");
            r.Write("node_modules/x/.gitlab-ci.yml", "ignored:\n  script: [echo $CI_JOB_JWT]\n");
            r.Write("docs/notes.yml", "not: a pipeline\n");
        });

        // The open document's unsaved text is what counts.
        var open = await session.OpenAsync("templates/release.gitlab-ci.yaml", "release:\n  script: [echo fine]\n");
        var result = (await session.Client.RequestAsync("cioidclint/lintWorkspace", new JsonObject()))!;

        Assert.Equal(2, (int)result["pipelineFiles"]!);
        var items = result["items"]!.AsArray().ToDictionary(i => (string)i!["uri"]!, i => i!["diagnostics"]!.AsArray());
        Assert.Equal(new[] { session.Repository.Uri(".gitlab-ci.yml"), session.Repository.Uri("ci/deploy.yaml") }.OrderBy(u => u, StringComparer.Ordinal), items.Keys.OrderBy(u => u, StringComparer.Ordinal));
        Assert.DoesNotContain(open, items.Keys);
        var jwt = items[session.Repository.Uri(".gitlab-ci.yml")].Single()!;
        Assert.Equal("CIOL001", (string?)jwt["code"]);
        Assert.Equal("https://mirror.test/rules/CIOL001.md", (string?)jwt["codeDescription"]!["href"]);
        Assert.Equal("CIOL004", (string?)items[session.Repository.Uri("ci/deploy.yaml")].Single()!["code"]);
    }

    [Fact]
    public async Task A_pipeline_that_cannot_be_read_is_skipped_and_the_rest_is_still_linted()
    {
        var outside = Path.Combine(Path.GetTempPath(), "cioidclint-outside-" + Guid.NewGuid().ToString("N")[..8] + ".yml");
        File.WriteAllText(outside, "x:\n  script: [echo $CI_JOB_JWT]\n");
        try
        {
            await using var session = await Session.StartAsync(files: r => r.Write(".gitlab-ci.yml", "build:\n  script: [echo $CI_JOB_JWT]\n"));
            Directory.CreateDirectory(session.Repository.FullPath(".gitlab/ci"));
            File.CreateSymbolicLink(session.Repository.FullPath(".gitlab/ci/linked.yml"), outside);
            var result = (await session.Client.RequestAsync("cioidclint/lintWorkspace", new JsonObject()))!;
            var uris = result["items"]!.AsArray().Select(i => (string)i!["uri"]!).ToList();
            Assert.Equal(new[] { session.Repository.Uri(".gitlab-ci.yml") }, uris);
        }
        finally
        {
            File.Delete(outside);
        }
    }
}

using System.Diagnostics;

namespace CiOidcLint.LanguageServer.Tests;

/// <summary>
/// The same repository through two front doors, as real processes: <c>cioidclint check</c> and
/// the language server report the same findings with the same severities. The repository has
/// an included file in its own folder with its own <c>.editorconfig</c>, and <c>.yaml</c> names.
/// </summary>
public sealed class FrontDoorAgreementTests
{
    private const string Root = """
        include:
          - local: ci/deploy.yaml
        build:
          script:
            - export VERSION=$(git describe --tags)
        """;

    private const string Deploy = """
        deploy:
          id_tokens:
            AWS_ID_TOKEN:
              aud: https://sts.amazonaws.com
          script:
            - export CREDS=$(aws sts assume-role-with-web-identity --role-arn "$ROLE" --role-session-name ci --web-identity-token "$AWS_ID_TOKEN")
            - ./deploy.sh
        """;

    private const string Extra = """
        nightly:
          script:
            - vault login -no-print jwt=$CI_JOB_JWT_V2
        """;

    [Fact]
    public async Task Check_and_the_server_agree_on_findings_and_severities()
    {
        await using var session = await Session.StartAsync(files: r =>
        {
            r.Write(".editorconfig", "root = true\n\n[*.{yml,yaml}]\ndotnet_diagnostic.CIOL004.severity = suggestion\n");
            r.Write("ci/.editorconfig", "[*.yaml]\ndotnet_diagnostic.CIOL004.severity = error\ndotnet_diagnostic.CIOL019.severity = warning\n");
            r.Write(".gitlab-ci.yml", Root);
            r.Write("ci/deploy.yaml", Deploy);
            r.Write(".gitlab/ci/extra.yaml", Extra);
        });

        // The editor opens the two pipelines; the included file's findings come with the root's.
        var rootUri = await session.OpenAsync(".gitlab-ci.yml", Root);
        var extraUri = await session.OpenAsync(".gitlab/ci/extra.yaml", Extra);
        var server = new List<string>();
        foreach (var (path, uri) in new[] { (".gitlab-ci.yml", rootUri), ("ci/deploy.yaml", session.Repository.Uri("ci/deploy.yaml")), (".gitlab/ci/extra.yaml", extraUri) })
        {
            foreach (var diagnostic in await session.Client.WaitForDiagnosticsAsync(uri))
            {
                var start = diagnostic!["range"]!["start"]!;
                var severity = (int)diagnostic["severity"]! switch { 1 => "error", 2 => "warning", _ => "info" };
                server.Add($"{path}:{(int)start["line"]! + 1}:{(int)start["character"]! + 1} {severity} {diagnostic["code"]}");
            }
        }

        var (fileName, prefix) = NativeCli.Command;
        var start2 = new ProcessStartInfo(fileName) { WorkingDirectory = session.Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in prefix.Concat(new[] { "check", "--format", "json", "." }))
        {
            start2.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start2)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var cli = JsonNode.Parse(output)!["findings"]!.AsArray()
            .Select(f => $"{f!["path"]}:{f["start"]!["line"]}:{f["start"]!["column"]} {f["severity"]} {f["ruleId"]}")
            .ToList();

        Assert.Equal(cli.OrderBy(x => x, StringComparer.Ordinal), server.OrderBy(x => x, StringComparer.Ordinal));

        // What the folders' .editorconfig files say reached both: the root's suggestion, the
        // included file's own error and warning.
        Assert.Contains(".gitlab-ci.yml:5:7 info CIOL004", cli);
        Assert.Contains("ci/deploy.yaml:6:7 error CIOL004", cli);
        Assert.Contains("ci/deploy.yaml:1:1 warning CIOL019", cli);
        Assert.Contains(".gitlab/ci/extra.yaml:3:33 error CIOL001", cli);
    }
}

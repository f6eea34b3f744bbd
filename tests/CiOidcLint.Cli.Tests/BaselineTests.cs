using System.Text.Json.Nodes;

namespace CiOidcLint.Cli.Tests;

/// <summary><c>--baseline</c>: adopt the linter on an existing pipeline and fail only on new problems.</summary>
public sealed class BaselineTests
{
    private const string Existing = "legacy:\n  script:\n    - vault login -no-print jwt=$CI_JOB_JWT\n    - export T=$(vault read x)\n";

    [Fact]
    public void A_missing_baseline_is_written_sorted_and_the_run_passes()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", Existing);
        var result = PublishedCli.Run(repo.Root, "check", "--baseline", "ci/cioidclint-baseline.json");
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Lines);
        Assert.Contains("no findings in 1 file (2 baselined, written to ci/cioidclint-baseline.json)", result.Stderr);

        var text = File.ReadAllText(repo.Full("ci/cioidclint-baseline.json"));
        SchemaValidation.AssertValid("cioidclint-baseline.schema.json", text);
        var entries = JsonNode.Parse(text)!["findings"]!.AsArray();
        Assert.Equal(new[] { "CIOL001", "CIOL004" }, entries.Select(e => (string?)e!["ruleId"]));
        Assert.All(entries, e => Assert.Equal(".gitlab-ci.yml", (string?)e!["path"]));

        var codeQuality = JsonNode.Parse(PublishedCli.Run(repo.Root, "check", "--format", "codequality").Stdout)!.AsArray();
        Assert.Equal(
            codeQuality.Select(i => (string?)i!["fingerprint"]).OrderBy(f => f, StringComparer.Ordinal),
            entries.Select(e => (string?)e!["fingerprint"]).OrderBy(f => f, StringComparer.Ordinal));

        // Written again from the same findings, the file is byte for byte the same.
        PublishedCli.Run(repo.Root, "check", "--baseline", "ci/cioidclint-baseline.json", "--update-baseline");
        Assert.Equal(text, File.ReadAllText(repo.Full("ci/cioidclint-baseline.json")));
    }

    [Fact]
    public void Only_findings_not_in_the_baseline_are_reported_and_count_for_the_exit_code()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", Existing);
        Assert.Equal(0, PublishedCli.Run(repo.Root, "check", "--baseline", "baseline.json").ExitCode);

        var same = PublishedCli.Run(repo.Root, "check", "--baseline", "baseline.json");
        Assert.Equal(0, same.ExitCode);
        Assert.Empty(same.Lines);
        Assert.Contains("no findings in 1 file (2 baselined by baseline.json)", same.Stderr);

        // Lines added above the old findings and a new job with a new error.
        repo.Write(".gitlab-ci.yml", "# comment\nnew:\n  script:\n    - echo $CI_JOB_JWT_V2\n" + Existing);
        var result = PublishedCli.Run(repo.Root, "check", "--baseline", "baseline.json", "--format", "text", "--format", "codequality", "--output", "cq.json");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(".gitlab-ci.yml:4:12: error CIOL001 'CI_JOB_JWT_V2'", Assert.Single(result.Lines));
        Assert.Contains("1 error, 0 warnings, 0 info in 1 file (2 baselined by baseline.json)", result.Stderr);
        Assert.Single(JsonNode.Parse(File.ReadAllText(repo.Full("cq.json")))!.AsArray());

        // Fixing a baselined finding is fine; --update-baseline takes the new one in.
        repo.Write(".gitlab-ci.yml", "new:\n  script:\n    - echo $CI_JOB_JWT_V2\n");
        var updated = PublishedCli.Run(repo.Root, "check", "--baseline", "baseline.json", "--update-baseline");
        Assert.Equal(0, updated.ExitCode);
        Assert.Contains("1 baselined, written to baseline.json", updated.Stderr);
        Assert.Single(JsonNode.Parse(File.ReadAllText(repo.Full("baseline.json")))!["findings"]!.AsArray());
    }

    [Theory]
    [InlineData("not json", "is not valid JSON")]
    [InlineData("{\"schemaVersion\": 2, \"findings\": []}", "is not a cioidclint baseline")]
    [InlineData("{\"schemaVersion\": 1, \"findings\": [{\"ruleId\": \"CIOL001\"}]}", "without a fingerprint")]
    public void A_broken_baseline_is_a_usage_error(string content, string message)
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", Existing).Write("baseline.json", content);
        var result = PublishedCli.Run(repo.Root, "check", "--baseline", "baseline.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using CiOidcLint.Analysis.Rules;

namespace CiOidcLint.Cli.Tests;

/// <summary>The report formats, written by the published CLI as CI runs it.</summary>
public sealed class OutputFormatTests
{
    internal const string Pipeline = """
        deploy:
          id_tokens:
            VAULT_ID_TOKEN:
              aud: https://vault.acme.internal
          script:
            - export VAULT_TOKEN="$(vault write -field=token auth/jwt/login role=app jwt=$VAULT_ID_TOKEN)"
            - echo $CI_JOB_JWT
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
        """;

    [Fact]
    public void One_run_writes_text_to_stdout_and_sarif_and_code_quality_to_files()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", Pipeline);
        var result = PublishedCli.Run(repo.Root, "check", "--no-color", "--format", "text", "--format", "sarif", "--output", "reports/out.sarif", "--format", "codequality", "--output", "gl-code-quality-report.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.StartsWith(".gitlab-ci.yml:6:7: warning CIOL004 ", result.Lines[0]);
        Assert.StartsWith(".gitlab-ci.yml:7:12: error CIOL001 ", result.Lines[1]);
        Assert.Equal(2, JsonNode.Parse(File.ReadAllText(repo.Full("reports/out.sarif")))!["runs"]![0]!["results"]!.AsArray().Count);
        Assert.Equal(2, JsonNode.Parse(File.ReadAllText(repo.Full("gl-code-quality-report.json")))!.AsArray().Count);
    }

    [Fact]
    public void Sarif_validates_against_the_OASIS_schema_and_describes_rules_results_and_regions()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", Pipeline);
        var result = PublishedCli.Run(repo.Full("."), "check", "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        SchemaValidation.AssertValid("sarif-schema-2.1.0.json", result.Stdout);

        var sarif = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("2.1.0", (string?)sarif["version"]);
        var run = sarif["runs"]!.AsArray().Single()!;
        var driver = run["tool"]!["driver"]!;
        Assert.Equal("cioidclint", (string?)driver["name"]);
        Assert.Equal(ToolPackage.Version, (string?)driver["version"]);
        Assert.StartsWith("https://", (string?)driver["informationUri"]);

        var rules = driver["rules"]!.AsArray();
        Assert.Equal(RuleCatalog.All.Select(r => r.Descriptor.Id), rules.Select(r => (string?)r!["id"]));
        var jwtRule = rules.Single(r => (string?)r!["id"] == "CIOL001")!;
        Assert.Equal("deprecated-job-jwt", (string?)jwtRule["name"]);
        Assert.Equal("Deprecated job JWT", (string?)jwtRule["shortDescription"]!["text"]);
        Assert.Contains("removed in 17.0", (string?)jwtRule["fullDescription"]!["text"]);
        Assert.EndsWith("docs/rules/CIOL001.md", (string?)jwtRule["helpUri"]);
        Assert.Equal("error", (string?)jwtRule["defaultConfiguration"]!["level"]);
        Assert.Equal("warning", (string?)rules.Single(r => (string?)r!["id"] == "CIOL004")!["defaultConfiguration"]!["level"]);
        Assert.Equal("note", (string?)rules.Single(r => (string?)r!["id"] == "CIOL015")!["defaultConfiguration"]!["level"]);

        Assert.Equal(repo.Root + "/", new Uri((string)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]!).LocalPath);
        var results = run["results"]!.AsArray();
        Assert.Equal(new[] { "CIOL004", "CIOL001" }, results.Select(r => (string?)r!["ruleId"]));
        var jwt = results[1]!;
        Assert.Equal(1, (int)jwt["ruleIndex"]!);
        Assert.Equal("CIOL001", (string?)rules[(int)jwt["ruleIndex"]!]!["id"]);
        Assert.Equal("error", (string?)jwt["level"]);
        Assert.Equal("warning", (string?)results[0]!["level"]);
        Assert.Equal("'CI_JOB_JWT' was removed in GitLab 17.0 and is empty now, so whatever authenticates with it fails (in job 'deploy')", (string?)jwt["message"]!["text"]);
        var location = jwt["locations"]!.AsArray().Single()!["physicalLocation"]!;
        Assert.Equal(".gitlab-ci.yml", (string?)location["artifactLocation"]!["uri"]);
        Assert.Equal("SRCROOT", (string?)location["artifactLocation"]!["uriBaseId"]);
        var region = location["region"]!;
        Assert.Equal(
            new[] { 7, 12, 7, 23 },
            new[] { (int)region["startLine"]!, (int)region["startColumn"]!, (int)region["endLine"]!, (int)region["endColumn"]! });
        Assert.Matches("^[0-9a-f]{32}$", (string?)jwt["partialFingerprints"]!["cioidclint/v1"]);
        // The rule's own quick fix, as a SARIF replacement of just the variable's name.
        var fix = jwt["fixes"]!.AsArray().Single()!;
        Assert.Equal("Use ID token 'VAULT_ID_TOKEN' instead of CI_JOB_JWT", (string?)fix["description"]!["text"]);
        var replacement = fix["artifactChanges"]!.AsArray().Single()!["replacements"]!.AsArray().Single()!;
        Assert.Equal(
            new[] { 7, 13, 7, 23 },
            new[] { (int)replacement["deletedRegion"]!["startLine"]!, (int)replacement["deletedRegion"]!["startColumn"]!, (int)replacement["deletedRegion"]!["endLine"]!, (int)replacement["deletedRegion"]!["endColumn"]! });
        Assert.Equal("VAULT_ID_TOKEN", (string?)replacement["insertedContent"]!["text"]);
    }

    [Fact]
    public void Sarif_uris_are_relative_to_the_repository_root_and_escaped_from_any_folder()
    {
        using var repo = new TempRepository()
            .Write(".gitlab-ci.yml", "include: 'ci dir/deploy.yml'\n")
            .Write("ci dir/deploy.yml", "deploy:\n  script: [echo $CI_JOB_JWT]\n");
        var result = PublishedCli.Run(repo.Full("ci dir"), "check", "--format", "sarif");
        SchemaValidation.AssertValid("sarif-schema-2.1.0.json", result.Stdout);
        var uri = (string?)JsonNode.Parse(result.Stdout)!["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"];
        Assert.Equal("ci%20dir/deploy.yml", uri);
    }

    [Fact]
    public void Code_quality_has_every_field_GitLab_reads()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", Pipeline).Write(".gitlab/ci/notes.yml", "include: {remote: 'https://example.org/x.yml'}\n");
        var result = PublishedCli.Run(repo.Full(".gitlab"), "check", "--format", "codequality", "--output", "cq.json", "..");
        Assert.Equal(1, result.ExitCode);
        var issues = JsonNode.Parse(File.ReadAllText(repo.Full(".gitlab/cq.json")))!.AsArray();
        Assert.Equal(3, issues.Count);
        foreach (var issue in issues)
        {
            Assert.Equal(new[] { "description", "check_name", "fingerprint", "severity", "location" }, issue!.AsObject().Select(p => p.Key));
            Assert.Matches("^[0-9a-f]{32}$", (string?)issue["fingerprint"]);
        }

        var info = issues.Single(i => (string?)i!["check_name"] == "CIOL015")!;
        Assert.Equal("info", (string?)info["severity"]);
        Assert.Equal(".gitlab/ci/notes.yml", (string?)info["location"]!["path"]);
        Assert.Equal(1, (int)info["location"]!["lines"]!["begin"]!);

        var warning = issues.Single(i => (string?)i!["check_name"] == "CIOL004")!;
        Assert.Equal("minor", (string?)warning["severity"]);
        Assert.Equal(".gitlab-ci.yml", (string?)warning["location"]!["path"]);
        Assert.Equal(6, (int)warning["location"]!["lines"]!["begin"]!);
        Assert.Equal("'export VAULT_TOKEN=$(vault write …)' hides a failure of 'vault write': the job goes on with an empty VAULT_TOKEN (in job 'deploy')", (string?)warning["description"]);

        var error = issues.Single(i => (string?)i!["check_name"] == "CIOL001")!;
        Assert.Equal("major", (string?)error["severity"]);
        Assert.Equal(7, (int)error["location"]!["lines"]!["begin"]!);
        Assert.Equal(3, issues.Select(i => (string?)i!["fingerprint"]).Distinct().Count());
    }

    [Fact]
    public void Fingerprints_survive_lines_inserted_above_and_identical_findings_get_their_own()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "job:\n  script:\n    - echo $CI_JOB_JWT\n    - echo $CI_JOB_JWT\n");
        var first = CodeQuality(repo);
        Assert.Equal(new[] { 3, 4 }, first.Select(i => i.Line));
        Assert.NotEqual(first[0].Fingerprint, first[1].Fingerprint);
        Assert.Equal(first, CodeQuality(repo));

        repo.Write(".gitlab-ci.yml", "# the deploy pipeline\nvariables:\n  A: b\n\njob:\n  script:\n    - echo $CI_JOB_JWT\n    - echo $CI_JOB_JWT\n");
        var shifted = CodeQuality(repo);
        Assert.Equal(new[] { 7, 8 }, shifted.Select(i => i.Line));
        Assert.Equal(first.Select(i => i.Fingerprint), shifted.Select(i => i.Fingerprint));

        // A different job or a different line is a different finding.
        repo.Write(".gitlab-ci.yml", "job2:\n  script:\n    - echo $CI_JOB_JWT\n    - echo $CI_JOB_JWT_V2\n");
        var other = CodeQuality(repo);
        Assert.Empty(other.Select(i => i.Fingerprint).Intersect(first.Select(i => i.Fingerprint)));
    }

    [Fact]
    public void Json_matches_its_documented_schema()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", Pipeline);
        var result = PublishedCli.Run(repo.Root, "check", "--format=json");
        Assert.Equal(1, result.ExitCode);
        SchemaValidation.AssertValid("cioidclint-report.schema.json", result.Stdout);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(ToolPackage.Version, (string?)json["tool"]!["version"]);
        var finding = json["findings"]![1]!;
        Assert.Equal("CIOL001", (string?)finding["ruleId"]);
        Assert.Equal("deprecated-job-jwt", (string?)finding["ruleName"]);
        Assert.Equal("error", (string?)finding["severity"]);
        Assert.Equal(".gitlab-ci.yml", (string?)finding["path"]);
        Assert.Equal(7, (int)finding["start"]!["line"]!);
        Assert.Equal(12, (int)finding["start"]!["column"]!);
        Assert.Equal(23, (int)finding["end"]!["column"]!);
        Assert.Equal("deploy", (string?)finding["jobs"]![0]);
        Assert.Equal("Use ID token 'VAULT_ID_TOKEN' instead of CI_JOB_JWT", (string?)finding["fixes"]!.AsArray().Single()!["title"]);

        var sarif = PublishedCli.Run(repo.Root, "check", "--format", "sarif");
        Assert.Equal((string?)finding["fingerprint"], (string?)JsonNode.Parse(sarif.Stdout)!["runs"]![0]!["results"]![1]!["partialFingerprints"]!["cioidclint/v1"]);
    }

    [Fact]
    public void No_findings_writes_empty_reports_that_still_validate()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "job:\n  script: [make]\n");
        var result = PublishedCli.Run(repo.Root, "check", "--format", "json", "--format", "sarif", "--output", "r.sarif", "--format", "codequality", "--output", "cq.json");
        Assert.Equal(0, result.ExitCode);
        SchemaValidation.AssertValid("cioidclint-report.schema.json", result.Stdout);
        SchemaValidation.AssertValid("sarif-schema-2.1.0.json", File.ReadAllText(repo.Full("r.sarif")));
        Assert.Equal("[]", File.ReadAllText(repo.Full("cq.json")).Trim());
    }

    [Fact]
    public void Text_can_go_to_a_file_and_then_stdout_stays_empty()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", Pipeline);
        var result = PublishedCli.Run(repo.Root, "check", "--format", "text", "--output", "out.txt");
        Assert.Equal(string.Empty, result.Stdout);
        var text = File.ReadAllText(repo.Full("out.txt"));
        Assert.StartsWith(".gitlab-ci.yml:6:7: warning CIOL004 ", text);
    }

    [Theory]
    [InlineData(new[] { "--format", "json", "--format", "sarif" }, "more than one --format writes to stdout")]
    [InlineData(new[] { "--output", "x.json", "--format", "json" }, "must follow the --format")]
    [InlineData(new[] { "--format", "json", "--output", "a", "--output", "b" }, "must follow the --format")]
    [InlineData(new[] { "--format", "json", "--output", "a", "--format", "sarif", "--output", "a" }, "the same file")]
    [InlineData(new[] { "--format", "yaml" }, "yaml")]
    [InlineData(new[] { "--update-baseline" }, "--update-baseline needs --baseline")]
    public void Inconsistent_outputs_are_usage_errors(string[] args, string message)
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", Pipeline);
        var result = PublishedCli.Run(repo.Root, new[] { "check" }.Concat(args).ToArray());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Help_states_the_pairing_rule()
    {
        using var repo = new TempRepository();
        var result = PublishedCli.Run(repo.Root, "check", "--help");
        Assert.Contains("Each --output FILE belongs to the --format just before it", System.Text.RegularExpressions.Regex.Replace(result.Stdout, @"\s+", " "));
    }

    private static List<(int Line, string Fingerprint)> CodeQuality(TempRepository repo)
    {
        var result = PublishedCli.Run(repo.Root, "check", "--format", "codequality");
        return JsonNode.Parse(result.Stdout)!.AsArray()
            .Select(i => ((int)i!["location"]!["lines"]!["begin"]!, (string)i["fingerprint"]!))
            .ToList();
    }
}

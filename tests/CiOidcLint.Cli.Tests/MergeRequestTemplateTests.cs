using System.Text.Json.Nodes;
using CiOidcLint.Testing;
using YamlDotNet.RepresentationModel;

namespace CiOidcLint.Cli.Tests;

/// <summary>
/// <c>templates/cioidclint.gitlab-ci.yml</c>: its <c>script:</c> runs as a GitLab runner runs it
/// (bash, <c>set -eo pipefail</c>, nothing in the environment but the job's variables) against a
/// sample repository, with no .NET anywhere: PATH holds only the few programs the job image has
/// (<see cref="JobImage"/>), and the release archive comes from a server on 127.0.0.1.
/// </summary>
public sealed class MergeRequestTemplateTests
{
    private const string TemplatePath = "templates/cioidclint.gitlab-ci.yml";

    private const string WarningsOnly = "deploy:\n  script:\n    - export T=$(vault write auth/jwt/login)\n";

    private static readonly YamlMappingNode Job = LoadJob();

    [Fact]
    public void The_job_script_writes_both_reports_and_fails_on_errors()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", File.ReadAllText(System.IO.Path.Combine(PublishedCli.RepositoryRoot, "samples", "vault-login", ".gitlab-ci.yml")));
        var result = RunScript(repo);
        Assert.True(result.ExitCode == 1, "the sample has errors, so the job fails:\n" + result.Stdout + result.Stderr);
        Assert.Contains(".gitlab-ci.yml:22:50: error CIOL001 'CI_JOB_JWT_V2'", result.Stdout);

        var codeQuality = JsonNode.Parse(File.ReadAllText(repo.Full("gl-code-quality-report.json")))!.AsArray();
        Assert.Contains(codeQuality, i => (string?)i!["check_name"] == "CIOL001" && (string?)i["severity"] == "major" && (int)i["location"]!["lines"]!["begin"]! == 22);
        var sarif = File.ReadAllText(repo.Full("gl-cioidclint.sarif"));
        SchemaValidation.AssertValid("sarif-schema-2.1.0.json", sarif);
        Assert.Equal(codeQuality.Count, JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray().Count);

        // With a baseline variable, the first run records today's findings and passes; so does the next.
        var adopt = new Dictionary<string, string?> { ["CIOIDCLINT_BASELINE"] = ".gitlab/cioidclint-baseline.json" };
        Assert.Equal(0, RunScript(repo, adopt).ExitCode);
        Assert.True(File.Exists(repo.Full(".gitlab/cioidclint-baseline.json")));
        var again = RunScript(repo, adopt);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("baselined by .gitlab/cioidclint-baseline.json", again.Stderr);
        Assert.Equal("[]", File.ReadAllText(repo.Full("gl-code-quality-report.json")).Trim());
    }

    [Fact]
    public void The_exit_code_follows_the_severity_threshold_variable()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", WarningsOnly);
        var byDefault = RunScript(repo);
        Assert.True(byDefault.ExitCode == 0, "a warning does not fail the job by default:\n" + byDefault.Stdout + byDefault.Stderr);
        Assert.Equal("minor", (string?)JsonNode.Parse(File.ReadAllText(repo.Full("gl-code-quality-report.json")))![0]!["severity"]);
        Assert.True(File.Exists(repo.Full("gl-cioidclint.sarif")));

        var strict = RunScript(repo, new Dictionary<string, string?> { ["CIOIDCLINT_SEVERITY_THRESHOLD"] = "warning" });
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void A_download_that_does_not_match_the_pinned_sum_is_not_run()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", WarningsOnly);
        var tampered = RunScript(repo, new Dictionary<string, string?> { ["CIOIDCLINT_SHA256"] = new string('0', 64) });
        Assert.Equal(2, tampered.ExitCode);
        Assert.Contains("does not have the SHA-256 in CIOIDCLINT_SHA256", tampered.Stderr);
        Assert.False(File.Exists(repo.Full("gl-code-quality-report.json")), "nothing of the archive ran");

        var unpinned = RunScript(repo, new Dictionary<string, string?> { ["CIOIDCLINT_SHA256"] = string.Empty });
        Assert.Equal(2, unpinned.ExitCode);
        Assert.Contains("CIOIDCLINT_SHA256 is empty", unpinned.Stderr);

        var missing = RunScript(repo, new Dictionary<string, string?> { ["CIOIDCLINT_VERSION"] = "9.9.9" });
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("404", missing.Stderr);
    }

    [Fact]
    public void The_job_runs_where_no_dotnet_can_be_reached()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", WarningsOnly);
        var probe = JobImage.Run(repo.Root, "command -v dotnet || echo 'no dotnet'; echo \"DOTNET_ROOT=${DOTNET_ROOT:-}\"", new Dictionary<string, string?>());
        Assert.Equal("no dotnet\nDOTNET_ROOT=", probe.Stdout.Trim());
        var script = ScriptText();
        Assert.DoesNotContain("dotnet", script);
        Assert.Equal(0, RunScript(repo).ExitCode);
    }

    [Fact]
    public void The_job_is_declared_as_the_issue_and_the_README_describe()
    {
        Assert.Equal("$CIOIDCLINT_IMAGE", Scalar(Job, "image"));
        var variables = (YamlMappingNode)Job.Children[new YamlScalarNode("variables")];
        Assert.Equal("buildpack-deps:bookworm-curl", Scalar(variables, "CIOIDCLINT_IMAGE"));
        Assert.Equal("error", Scalar(variables, "CIOIDCLINT_SEVERITY_THRESHOLD"));
        Assert.Equal("linux-x64", Scalar(variables, "CIOIDCLINT_PLATFORM"));
        Assert.Equal("https://gitlab.com/cioidclint/cioidclint/-/releases", Scalar(variables, "CIOIDCLINT_RELEASES"));
        // Until a release stamps it (scripts/release-assets.sh --stamp-template), the sum is
        // empty and the job says so instead of running an unchecked download.
        Assert.Matches("^([0-9a-f]{64})?$", Scalar(variables, "CIOIDCLINT_SHA256") ?? string.Empty);

        var artifacts = (YamlMappingNode)Job.Children[new YamlScalarNode("artifacts")];
        Assert.Equal("always", Scalar(artifacts, "when"));
        Assert.Equal("gl-code-quality-report.json", Scalar((YamlMappingNode)artifacts.Children[new YamlScalarNode("reports")], "codequality"));
        Assert.Contains("gl-cioidclint.sarif", ((YamlSequenceNode)artifacts.Children[new YamlScalarNode("paths")]).Select(n => ((YamlScalarNode)n).Value));

        var rules = ((YamlSequenceNode)Job.Children[new YamlScalarNode("rules")]).Cast<YamlMappingNode>().ToList();
        Assert.Equal("$CI_PIPELINE_SOURCE == \"merge_request_event\"", Scalar(rules[0], "if"));
        var changes = (YamlSequenceNode)rules.Single(r => r.Children.ContainsKey(new YamlScalarNode("changes"))).Children[new YamlScalarNode("changes")];
        Assert.Contains(".gitlab-ci.yml", changes.Select(n => ((YamlScalarNode)n).Value));
    }

    [Fact]
    public void The_pinned_version_is_the_one_version_of_the_repository()
    {
        var variables = (YamlMappingNode)Job.Children[new YamlScalarNode("variables")];
        Assert.Equal(ToolPackage.Version, Scalar(variables, "CIOIDCLINT_VERSION"));
        var template = File.ReadAllText(System.IO.Path.Combine(PublishedCli.RepositoryRoot, TemplatePath));
        Assert.Contains($"ref: v{ToolPackage.Version}", template);
        Assert.Contains($"/-/raw/v{ToolPackage.Version}/templates/", template);

        // The editor extension, once it is in the repository, carries the same number.
        var extension = System.IO.Path.Combine(PublishedCli.RepositoryRoot, "vscode-extension", "package.json");
        if (File.Exists(extension))
        {
            Assert.Equal(ToolPackage.Version, (string?)JsonNode.Parse(File.ReadAllText(extension))!["version"]);
        }
    }

    [Fact]
    public void The_linter_finds_nothing_in_its_own_template()
    {
        var result = PublishedCli.Run(PublishedCli.RepositoryRoot, "check", TemplatePath);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Empty(result.Lines);
        Assert.Contains("no findings in 1 file", result.Stderr);
    }

    [SkippableFact]
    public void A_release_stamps_the_archive_sum_into_the_template()
    {
        Skip.If(NativeCli.HostRuntimeIdentifier != "linux-x64", "a release stamps the linux-x64 archive's sum");
        Skip.IfNot(NativeCli.IsNative, "the release archive is built from the native executable (CIOIDCLINT_CLI)");

        // A copy of what the release script reads, so the repository's own template stays as it is.
        using var copy = new TempRepository(withGit: false);
        foreach (var file in new[] { "Directory.Build.props", "LICENSE", "THIRD-PARTY-NOTICES.md", TemplatePath, "scripts/release-assets.sh", "scripts/publish-native.sh", "scripts/setup-build-tools.sh" })
        {
            var target = copy.Full(file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(System.IO.Path.Combine(PublishedCli.RepositoryRoot, file), target);
        }

        var run = Processes.Run("bash", new[] { copy.Full("scripts/release-assets.sh"), "--stamp-template", "--executable", NativeCli.Path, copy.Full("out") }, copy.Root);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var sum = run.Lines[^1];
        Assert.Matches("^[0-9a-f]{64}$", sum);
        Assert.Contains($"    CIOIDCLINT_SHA256: \"{sum}\"\n", File.ReadAllText(copy.Full(TemplatePath)));
        Assert.Equal($"{sum}  cioidclint-{ToolPackage.Version}-linux-x64.tar.gz\n", File.ReadAllText(copy.Full($"out/cioidclint-{ToolPackage.Version}-linux-x64.tar.gz.sha256")));

        var missing = Processes.Run("bash", new[] { copy.Full("scripts/release-assets.sh"), "--executable" }, copy.Root);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--executable needs a path", missing.Stderr);
    }

    /// <summary>The script lines joined as the runner runs them.</summary>
    private static string ScriptText()
        => string.Join("\n", ((YamlSequenceNode)Job.Children[new YamlScalarNode("script")]).Select(n => ((YamlScalarNode)n).Value));

    /// <summary>
    /// Runs the job's script with the job's variables (and <paramref name="overrides"/>), the
    /// release archive served from 127.0.0.1 and pinned by its real sum.
    /// </summary>
    private static CliResult RunScript(TempRepository repo, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var environment = ((YamlMappingNode)Job.Children[new YamlScalarNode("variables")]).Children
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value);
        var asset = ReleaseAsset.Value;
        using var server = new ReleaseServer($"/releases/v{ToolPackage.Version}/downloads/{System.IO.Path.GetFileName(asset.Path)}", File.ReadAllBytes(asset.Path));
        environment["CIOIDCLINT_RELEASES"] = server.BaseUrl + "/releases";
        environment["CIOIDCLINT_SHA256"] = asset.Sha256;
        environment["CIOIDCLINT_PLATFORM"] = NativeCli.HostRuntimeIdentifier;
        environment["CI_PROJECT_DIR"] = repo.Root;
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return JobImage.Run(repo.Root, "set -eo pipefail\n" + ScriptText(), environment);
    }

    private static readonly Lazy<(string Path, string Sha256)> ReleaseAsset = new(() =>
    {
        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cioidclint-tests-release-" + Environment.ProcessId);
        var args = new List<string> { System.IO.Path.Combine(PublishedCli.RepositoryRoot, "scripts", "release-assets.sh") };
        if (NativeCli.IsNative)
        {
            args.AddRange(new[] { "--executable", NativeCli.Path });
        }

        args.Add(output);
        var built = Processes.Run("bash", args, PublishedCli.RepositoryRoot, timeoutSeconds: 600);
        Assert.True(built.ExitCode == 0, "scripts/release-assets.sh failed:\n" + built.Stdout + built.Stderr);
        var lines = built.Lines;
        return (lines[^2], lines[^1]);
    });

    private static string? Scalar(YamlMappingNode mapping, string key) => ((YamlScalarNode)mapping.Children[new YamlScalarNode(key)]).Value;

    private static YamlMappingNode LoadJob()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(System.IO.Path.Combine(PublishedCli.RepositoryRoot, TemplatePath));
        stream.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode).Children[new YamlScalarNode("cioidclint")];
    }
}

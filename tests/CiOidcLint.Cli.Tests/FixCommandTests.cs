using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;
using CiOidcLint.Analysis.Engine;

namespace CiOidcLint.Cli.Tests;

/// <summary><c>cioidclint check --fix</c>, run as a process on a temporary repository.</summary>
public sealed class FixCommandTests
{
    /// <summary>GitLab's manual Vault authentication example, as the seed page has it.</summary>
    private const string SeedVaultJob = """
        manual_authentication:
          variables:
            VAULT_ADDR: http://vault.example.com:8200
          image: vault:latest
          id_tokens:
            VAULT_ID_TOKEN:
              aud: http://vault.example.com:8200
          script:
            - export VAULT_TOKEN="$(vault write -field=token auth/jwt/login role=myproject-example jwt=$VAULT_ID_TOKEN)"
            - export PASSWORD="$(vault kv get -field=password secret/myproject/example/db)"
            - my-authentication-script.sh $VAULT_TOKEN $PASSWORD

        """;

    [Fact]
    public void Fix_splits_both_exports_of_the_seed_vault_job_and_a_second_run_changes_nothing()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", SeedVaultJob);
        var first = PublishedCli.Run(repo.Root, "check", "--fix", "--no-color");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("fixed .gitlab-ci.yml:9:7: CIOL004 Assign VAULT_TOKEN first, then export it", first.Stderr);
        Assert.Contains("fixed .gitlab-ci.yml:10:7: CIOL004 Assign PASSWORD first, then export it", first.Stderr);
        Assert.DoesNotContain(first.Lines, l => l.Contains("CIOL004", StringComparison.Ordinal));
        var expected = SeedVaultJob.Replace(
            "    - export VAULT_TOKEN=\"$(vault write -field=token auth/jwt/login role=myproject-example jwt=$VAULT_ID_TOKEN)\"\n    - export PASSWORD=\"$(vault kv get -field=password secret/myproject/example/db)\"\n",
            "    - VAULT_TOKEN=\"$(vault write -field=token auth/jwt/login role=myproject-example jwt=$VAULT_ID_TOKEN)\"\n    - export VAULT_TOKEN\n    - PASSWORD=\"$(vault kv get -field=password secret/myproject/example/db)\"\n    - export PASSWORD\n",
            StringComparison.Ordinal);
        Assert.NotEqual(SeedVaultJob, expected);
        Assert.Equal(expected, File.ReadAllText(repo.Full(".gitlab-ci.yml")));

        var second = PublishedCli.Run(repo.Root, "check", "--fix", "--no-color");
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("fixed", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(repo.Full(".gitlab-ci.yml")));
        Assert.Empty(Directory.GetFiles(repo.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Fix_writes_included_files_keeps_crlf_and_the_byte_order_mark_and_only_fixes_named_paths()
    {
        using var repo = new TempRepository()
            .Write(".gitlab-ci.yml", "include: ci/deploy.yml\nroot:\n  script:\n    - export A=$(aws sts get-caller-identity)\n")
            .Write("ci/deploy.yml", "\uFEFFdeploy:\r\n  script:\r\n    - export B=$(vault write auth/jwt/login)\r\n");
        var named = PublishedCli.Run(repo.Root, "check", "--fix", "ci/deploy.yml");
        Assert.Equal(0, named.ExitCode);
        var bytes = File.ReadAllBytes(repo.Full("ci/deploy.yml"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
        Assert.Equal("deploy:\r\n  script:\r\n    - B=$(vault write auth/jwt/login)\r\n    - export B\r\n", System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Contains("export A=$(aws", File.ReadAllText(repo.Full(".gitlab-ci.yml")), StringComparison.Ordinal);

        var all = PublishedCli.Run(repo.Root, "check", "--fix");
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("    - A=$(aws sts get-caller-identity)\n    - export A\n", File.ReadAllText(repo.Full(".gitlab-ci.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_changed_on_disk_after_it_was_read_is_not_written()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "job:\n  script:\n    - export A=$(aws sts get-caller-identity)\n");
        var fileSystem = new PhysicalFileSystem(repo.Root);
        var result = FixLoop.Run(fileSystem, files => new RepositoryAnalysis(files).Analyze(Array.Empty<string>()).SelectMany(r => r.Findings));
        Assert.Equal(new[] { ".gitlab-ci.yml" }, result.ChangedPaths.ToArray());

        const string edited = "job:\n  script:\n    - export A=$(aws sts get-caller-identity)\n    - echo typed meanwhile\n";
        File.WriteAllText(repo.Full(".gitlab-ci.yml"), edited);
        var refused = new FixWriter(fileSystem).Write(result);
        Assert.Contains("changed on disk", Assert.Single(refused).Reason, StringComparison.Ordinal);
        Assert.Equal(edited, File.ReadAllText(repo.Full(".gitlab-ci.yml")));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_reported_with_why_and_exit_two_and_left_as_it_was()
    {
        // A 245-character name is valid, but the temporary file written beside it would need
        // 259 characters, past the file system's limit of 255: a write failure no permission
        // bit is needed for (the tests may run as root, which ignores them).
        var name = new string('a', 231) + ".gitlab-ci.yml";
        const string Text = "job:\n  script:\n    - export A=$(aws sts get-caller-identity)\n";
        using var repo = new TempRepository().Write(name, Text);
        var result = PublishedCli.Run(repo.Root, "check", "--fix", "--no-color", name);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{name}: cannot write it:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cioidclint: fixed", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"{name}:3:7: warning CIOL004", Assert.Single(result.Lines), StringComparison.Ordinal);
        Assert.Equal(Text, File.ReadAllText(repo.Full(name)));
        Assert.Single(Directory.GetFiles(repo.Root));
    }

    [Fact]
    public void Fix_on_the_readme_sample_prints_what_the_readme_shows()
    {
        var sample = File.ReadAllText(Path.Combine(PublishedCli.RepositoryRoot, "samples", "vault-login", ".gitlab-ci.yml"));
        using var repo = new TempRepository().Write(".gitlab-ci.yml", sample);
        var result = PublishedCli.Run(repo.Root, "check", "--fix", "--no-color");
        Assert.Equal(0, result.ExitCode);

        var readme = File.ReadAllLines(Path.Combine(PublishedCli.RepositoryRoot, "README.md"));
        var start = Array.FindIndex(readme, l => l.StartsWith("$ cioidclint check --fix", StringComparison.Ordinal));
        var shown = readme.Skip(start + 1).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, shown.Length);
        Assert.Equal(shown, result.Stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("cioidclint: fixed ", StringComparison.Ordinal)).ToArray());
    }

    [Theory]
    [InlineData(new[] { "--format", "json", "--output", ".gitlab-ci.yml" }, "is a file to check")]
    [InlineData(new[] { "--baseline", ".gitlab-ci.yml", "--update-baseline" }, "is a file to check")]
    [InlineData(new[] { "--format", "json", "--output", "ci/deploy.yml" }, "is a file to check")]
    [InlineData(new[] { "--format", "json", "--output", "report.json" }, "is a file to check")]
    [InlineData(new[] { "--baseline", "b.json", "--format", "json", "--output", "b.json" }, "names the baseline file")]
    [InlineData(new[] { "--format", "json", "--output", "" }, "--output needs a file name")]
    [InlineData(new[] { "--baseline", "" }, "--baseline needs a file name")]
    public void A_report_is_never_written_over_what_the_user_wrote(string[] args, string message)
    {
        const string Root = "include: ci/deploy.yml\njob:\n  script: [echo $CI_JOB_JWT]\n";
        using var repo = new TempRepository().Write(".gitlab-ci.yml", Root).Write("ci/deploy.yml", "deploy:\n  script: [x]\n");
        File.CreateSymbolicLink(repo.Full("report.json"), ".gitlab-ci.yml");
        var result = PublishedCli.Run(repo.Root, new[] { "check" }.Concat(args).ToArray());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(Root, File.ReadAllText(repo.Full(".gitlab-ci.yml")));
        Assert.Equal("deploy:\n  script: [x]\n", File.ReadAllText(repo.Full("ci/deploy.yml")));
    }
}

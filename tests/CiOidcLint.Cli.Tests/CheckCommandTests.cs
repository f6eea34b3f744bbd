namespace CiOidcLint.Cli.Tests;

/// <summary>Runs the published <c>cioidclint</c> as a process, as pre-commit and CI do.</summary>
public sealed class CheckCommandTests
{
    private const string VaultJob = """
        manual_authentication:
          id_tokens:
            VAULT_ID_TOKEN:
              aud: https://vault.acme.internal
          script:
            - export VAULT_TOKEN="$(vault write -field=token auth/jwt/login role=app jwt=$VAULT_ID_TOKEN)"
            - my-script.sh $VAULT_TOKEN
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
        """;

    [Fact]
    public void Prints_findings_in_compiler_format_and_exits_zero_below_the_threshold()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", VaultJob);
        var result = PublishedCli.Run(repo.Root, "check", "--no-color");
        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Lines);
        Assert.Equal(".gitlab-ci.yml:6:7: warning CIOL004 'export VAULT_TOKEN=$(vault write …)' hides a failure of 'vault write': the job goes on with an empty VAULT_TOKEN (in job 'manual_authentication')", line);
        Assert.Contains("0 errors, 1 warning, 0 info in 1 file", result.Stderr);
    }

    [Fact]
    public void Exits_one_on_an_error_and_honours_the_threshold()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "job:\n  script:\n    - vault login -no-print jwt=$CI_JOB_JWT\n");
        var result = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(".gitlab-ci.yml:3:33: error CIOL001 ", Assert.Single(result.Lines));

        using var warn = new TempRepository().Write(".gitlab-ci.yml", VaultJob);
        Assert.Equal(1, PublishedCli.Run(warn.Root, "check", "--severity-threshold", "warning").ExitCode);
    }

    [Fact]
    public void Paths_are_relative_to_the_current_folder_and_only_named_files_are_reported()
    {
        using var repo = new TempRepository()
            .Write(".gitlab-ci.yml", "include: ci/deploy.yml\nroot-job:\n  script: [echo $CI_JOB_JWT]\n")
            .Write("ci/deploy.yml", "deploy:\n  script:\n    - export T=$(vault write auth/jwt/login)\n");
        var result = PublishedCli.Run(repo.Full("ci"), "check", "deploy.yml");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("deploy.yml:3:7: warning CIOL004", Assert.Single(result.Lines));

        var all = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(new[] { ".gitlab-ci.yml", "ci/deploy.yml" }, all.Lines.Select(l => l.Split(':')[0]).ToArray());
    }

    [Fact]
    public void A_file_nothing_includes_is_checked_as_a_pipeline_of_its_own()
    {
        using var repo = new TempRepository()
            .Write(".gitlab-ci.yml", "job:\n  script: [x]\n")
            .Write("templates/vault.gitlab-ci.yml", ".vault:\n  id_tokens:\n    VAULT_ID_TOKEN: {}\n");
        var result = PublishedCli.Run(repo.Root, "check", "templates");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("templates/vault.gitlab-ci.yml:3:5: error CIOL002", Assert.Single(result.Lines));
    }

    [Fact]
    public void Files_globs_name_pipelines_of_their_own_as_the_editor_setting_does()
    {
        using var repo = new TempRepository()
            .Write(".gitlab-ci.yml", "job:\n  script: [x]\n")
            .Write("ci/deploy.yml", ".vault:\n  id_tokens:\n    VAULT_ID_TOKEN: {}\n")
            .Write("ci/notes.md", "not a pipeline\n")
            .Write("other/.gitlab-ci.yml", ".vault:\n  id_tokens:\n    OTHER: {}\n");

        // Without the glob, the root pipeline holds nothing wrong and ci/deploy.yml is nobody's.
        Assert.Empty(PublishedCli.Run(repo.Root, "check").Lines);

        // With it and no path: the matching files anywhere, and no GitLab name nobody asked for.
        var all = PublishedCli.Run(repo.Root, "check", "--no-color", "--files", "ci/*.yml");
        Assert.Equal(1, all.ExitCode);
        Assert.StartsWith("ci/deploy.yml:3:5: error CIOL002", Assert.Single(all.Lines));

        // With a folder: the glob adds to GitLab's names found there.
        var folder = PublishedCli.Run(repo.Root, "check", "--no-color", "--files", "ci/*.yml", ".");
        Assert.Equal(new[] { "ci/deploy.yml", "other/.gitlab-ci.yml" }, folder.Lines.Select(l => l.Split(':')[0]).ToArray());

        // A repository with no .gitlab-ci.yml is checkable through its globs alone.
        File.Delete(repo.Full(".gitlab-ci.yml"));
        Assert.StartsWith("ci/deploy.yml:3:5", Assert.Single(PublishedCli.Run(repo.Root, "check", "--files", "ci/*.yml").Lines));

        var empty = PublishedCli.Run(repo.Root, "check", "--files", " ");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("--files needs a glob", empty.Stderr);
    }

    [Fact]
    public void A_file_two_pipelines_include_reports_each_problem_once_naming_the_jobs_of_both()
    {
        using var repo = new TempRepository()
            .Write(".gitlab-ci.yml", "include: ci/shared.yml\na:\n  extends: .login\n")
            .Write("other.gitlab-ci.yml", "include: ci/shared.yml\nb:\n  extends: .login\n")
            .Write("ci/shared.yml", ".login:\n  script:\n    - export T=$(vault write -field=token auth/jwt/login)\n");
        var result = PublishedCli.Run(repo.Root, "check", "--no-color", ".");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("(in jobs 'a', 'b')", Assert.Single(result.Lines), StringComparison.Ordinal);

        var json = PublishedCli.Run(repo.Root, "check", "--format", "json", ".");
        Assert.Equal(1, json.Stdout.Split("\"ruleId\"").Length - 1);
    }

    [Fact]
    public void A_stray_link_in_a_checked_folder_is_skipped_with_a_note_and_the_rest_is_checked()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "job:\n  script: [echo $CI_JOB_JWT]\n");
        File.CreateSymbolicLink(repo.Full("dangling.gitlab-ci.yml"), "nothere.yml");
        File.CreateSymbolicLink(repo.Full("outside.gitlab-ci.yml"), "/etc/hostname");
        var result = PublishedCli.Run(repo.Root, "check", "--no-color", ".");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(".gitlab-ci.yml:2:17: error CIOL001", Assert.Single(result.Lines), StringComparison.Ordinal);
        Assert.Contains("skipped dangling.gitlab-ci.yml: a link to a file that does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("skipped outside.gitlab-ci.yml: a link to /etc/hostname, outside the repository", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_are_sorted_by_path_line_and_column()
    {
        using var repo = new TempRepository()
            .Write(".gitlab-ci.yml", "include: [b.yml, a.yml]\nz:\n  script: [echo $CI_JOB_JWT $CI_JOB_JWT_V2]\n")
            .Write("a.yml", "a:\n  script: [echo $CI_JOB_JWT]\n")
            .Write("b.yml", "b:\n  script: [echo $CI_JOB_JWT]\n");
        var result = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(
            new[] { ".gitlab-ci.yml:3:17", ".gitlab-ci.yml:3:29", "a.yml:2:17", "b.yml:2:17" },
            result.Lines.Select(l => string.Join(":", l.Split(':').Take(3))).ToArray());
    }

    [Fact]
    public void Editorconfig_sets_severity_and_none_turns_a_rule_off()
    {
        using var repo = new TempRepository()
            .Write(".gitlab-ci.yml", VaultJob)
            .Write(".editorconfig", "root = true\n[*.yml]\ndotnet_diagnostic.CIOL004.severity = error\n");
        var result = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(": error CIOL004 ", Assert.Single(result.Lines));

        repo.Write(".editorconfig", "root = true\n[*.yml]\ndotnet_diagnostic.CIOL004.severity = none\n");
        var off = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(0, off.ExitCode);
        Assert.Empty(off.Lines);
    }

    [Fact]
    public void A_syntax_error_points_at_its_start_and_the_rest_is_still_checked()
    {
        using var repo = new TempRepository()
            .Write(".gitlab-ci.yml", "include: other.yml\njob:\n  script:\n    - 'unterminated\n")
            .Write("other.yml", "other:\n  script: [echo $CI_JOB_JWT_V2]\n");
        var result = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Lines, l => l.StartsWith(".gitlab-ci.yml:4:7: error CIOL000 ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("other.yml:2:17: error CIOL001 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "check", "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "check", "missing.yml" }, "cannot read 'missing.yml'")]
    [InlineData(new[] { "check", "--format", "xml" }, "xml")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    public void Usage_and_io_errors_exit_two_with_a_message(string[] args, string message)
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "job:\n  script: [x]\n");
        var result = PublishedCli.Run(repo.Root, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void No_root_pipeline_and_no_paths_is_a_clear_error()
    {
        using var repo = new TempRepository();
        var result = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no .gitlab-ci.yml", result.Stderr);
    }

    [Fact]
    public void A_path_outside_the_repository_is_refused()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "job:\n  script: [x]\n");
        var result = PublishedCli.Run(repo.Root, "check", "/etc/hostname");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("outside the repository", result.Stderr);
    }
}

public sealed class CheckCommandLargeInputTests
{
    [Fact]
    public void A_huge_file_is_refused_with_a_clear_message_and_exit_two()
    {
        using var repo = new TempRepository();
        using (var stream = File.Create(repo.Full(".gitlab-ci.yml")))
        {
            stream.SetLength(40L * 1024 * 1024);
        }

        var result = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not load files over 32 MB", result.Stderr);
    }

    [Fact]
    public void A_huge_included_file_is_a_configuration_error_at_the_include()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "include: big.yml\njob:\n  script: [x]\n");
        using (var stream = File.Create(repo.Full("big.yml")))
        {
            stream.SetLength(40L * 1024 * 1024);
        }

        var result = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(".gitlab-ci.yml:1:10: error CIOL000 the local include 'big.yml' cannot be read", Assert.Single(result.Lines));
    }
}

public sealed class CheckCommandFileSystemTests
{
    [Fact]
    public void A_linked_folder_that_loops_is_not_followed()
    {
        using var repo = new TempRepository().Write("sub/a.gitlab-ci.yml", "job:\n  script: [echo $CI_JOB_JWT]\n");
        File.CreateSymbolicLink(repo.Full("sub/loop"), "..");
        var result = PublishedCli.Run(repo.Root, "check", ".");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("sub/a.gitlab-ci.yml:2:17: error CIOL001", Assert.Single(result.Lines));
    }

    [Fact]
    public void A_linked_file_outside_the_repository_is_not_read()
    {
        using var outside = new TempRepository(withGit: false).Write("secret.yml", "job:\n  script: [x]\n");
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "include: linked.yml\n");
        File.CreateSymbolicLink(repo.Full("linked.yml"), outside.Full("secret.yml"));
        var result = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("outside the repository", Assert.Single(result.Lines));
    }

    [Fact]
    public void Brackets_in_an_include_path_are_literal()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "include: 'ci/a[].yml'\njob:\n  script: [x]\n");
        var result = PublishedCli.Run(repo.Root, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", Assert.Single(result.Lines));
    }
}

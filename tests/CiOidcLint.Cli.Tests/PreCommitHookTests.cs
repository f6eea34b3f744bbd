namespace CiOidcLint.Cli.Tests;

/// <summary>
/// The hook in <c>.pre-commit-hooks.yaml</c>, run by the real pre-commit (the Debian package,
/// installed by scripts/setup-test-tools.sh) as a user's repository would: <c>try-repo</c> builds
/// the tool package with <c>dotnet pack</c> at this repository's root and installs it. On a
/// working tree with uncommitted changes, try-repo tests a shadow commit of them.
/// </summary>
public sealed class PreCommitHookTests
{
    [SkippableFact]
    public void Try_repo_fails_on_a_broken_pipeline_and_passes_on_a_good_one()
    {
        var inCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        Skip.If(!inCi && !Processes.OnPath("pre-commit"), "pre-commit is not installed: run scripts/setup-test-tools.sh (CI always runs this test)");
        Assert.True(Processes.OnPath("pre-commit"), "CI must run the pre-commit test: scripts/setup-test-tools.sh did not install pre-commit");

        using var home = new TempRepository(withGit: false);
        using var user = new TempRepository(withGit: false);
        Processes.Git(user.Root, "init", "-q");
        user.Write(".gitlab-ci.yml", "include: .gitlab/ci/deploy.yml\n")
            .Write(".gitlab/ci/deploy.yml", "deploy:\n  script:\n    - vault login jwt=$CI_JOB_JWT\n")
            .Write("notes.yml", "not: [a pipeline, $CI_JOB_JWT]\n");
        Processes.Git(user.Root, "add", "-A");

        var broken = TryRepo(user.Root, home.Root);
        Assert.True(broken.ExitCode == 1, "pre-commit should fail on CI_JOB_JWT:\n" + broken.Stdout + broken.Stderr);
        Assert.Contains("cioidclint", broken.Stdout);
        Assert.Contains("Failed", broken.Stdout);
        Assert.Contains(".gitlab/ci/deploy.yml:3:23: error CIOL001 ", broken.Stdout);
        Assert.DoesNotContain("notes.yml", broken.Stdout);

        user.Write(".gitlab/ci/deploy.yml", "deploy:\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.acme.internal\n  script:\n    - vault login jwt=$VAULT_ID_TOKEN\n");
        Processes.Git(user.Root, "add", "-A");
        var good = TryRepo(user.Root, home.Root);
        Assert.True(good.ExitCode == 0, "pre-commit should pass:\n" + good.Stdout + good.Stderr);
        Assert.Matches(@"cioidclint\.+Passed", good.Stdout);
    }

    private static CliResult TryRepo(string userRepository, string preCommitHome)
        => Processes.Run(
            "pre-commit",
            new[] { "try-repo", PublishedCli.RepositoryRoot, "cioidclint", "--all-files", "--color", "never" },
            userRepository,
            new Dictionary<string, string?>(Processes.GitIdentity)
            {
                ["PRE_COMMIT_HOME"] = preCommitHome,
                ["NO_COLOR"] = "1",
                // No MSBuild or compiler server left running after the hook's `dotnet pack`.
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
                ["UseSharedCompilation"] = "false",
            },
            timeoutSeconds: 600);
}

namespace CiOidcLint.Cli.Tests;

/// <summary><c>cioidclint show</c> run as a process: jobs as GitLab composes them, with where each key came from.</summary>
public sealed class ShowCommandTests
{
    [Fact]
    public void Shows_a_job_composed_from_an_included_template_and_default_with_the_place_of_each_key()
    {
        using var repo = new TempRepository()
            .Write(".gitlab-ci.yml", "include: ci/vault.yml\ndefault:\n  image: alpine\ndeploy:\n  extends: .vault-login\n  script: [./deploy.sh]\nlint:\n  script: [make lint]\n")
            .Write("ci/vault.yml", ".vault-login:\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.example.com\n");
        var result = PublishedCli.Run(repo.Full("ci"), "show", "deploy");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            new[]
            {
                "deploy:  # from .gitlab-ci.yml:4; extends .vault-login; default: image",
                "  id_tokens:  # from ci/vault.yml:2 (.vault-login)",
                "    VAULT_ID_TOKEN:  # from ci/vault.yml:3 (.vault-login)",
                "      aud: https://vault.example.com  # from ci/vault.yml:4 (.vault-login)",
                "  extends: .vault-login  # from .gitlab-ci.yml:5",
                "  script:  # from .gitlab-ci.yml:6",
                "    - ./deploy.sh",
                "  image: alpine  # from .gitlab-ci.yml:3 (default)",
            },
            result.Lines);
        Assert.Equal(string.Empty, result.Stderr);

        // No name: every job that runs, templates left out.
        var all = PublishedCli.Run(repo.Root, "show");
        Assert.Equal(new[] { "deploy:", "lint:" }, all.Lines.Where(l => l.Length > 0 && l[0] != ' ').Select(l => l.Split(' ')[0]).ToArray());
    }

    [Fact]
    public void An_unknown_job_or_pipeline_exits_two_and_a_broken_include_is_reported_with_its_place()
    {
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "include: ci/missing.yml\ndeploy:\n  script: [x]\n");
        var unknown = PublishedCli.Run(repo.Root, "show", "deplo");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no job 'deplo' in .gitlab-ci.yml (did you mean 'deploy'?)", unknown.Stderr);

        var shown = PublishedCli.Run(repo.Root, "show");
        Assert.Equal(0, shown.ExitCode);
        Assert.StartsWith("cioidclint: .gitlab-ci.yml:1:10: ", shown.Stderr);
        Assert.Equal("deploy:  # from .gitlab-ci.yml:2", shown.Lines[0]);

        var missing = PublishedCli.Run(repo.Root, "show", "--pipeline", "other.yml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cannot read 'other.yml'", missing.Stderr);
    }
}

using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Pipeline;

/// <summary>
/// Which jobs run PowerShell (a Windows runner, or a script that can only be PowerShell), and
/// that the bash rules (CIOL004, CIOL009, CIOL010, CIOL011) leave those jobs alone while the
/// variable rules still read them.
/// </summary>
public sealed class JobShellTests
{
    private static JobShell ShellOf(string yaml, string job = "job")
        => Pipelines.Build((".gitlab-ci.yml", yaml)).Jobs.Single(j => j.Name == job).Shell;

    private static List<string> Ids(string yaml)
        => Fixing.Analyze((".gitlab-ci.yml", yaml)).Select(f => f.Id).ToList();

    [Theory]
    [InlineData("""
        job:
          tags: [saas-windows-medium-amd64]
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          tags:
            - docker
            - Windows
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          tags: [windows-2022]
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          tags: [$WINDOWS_X64_BUILD_TAG]
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          tags: [win2022, pwsh]
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          image: mcr.microsoft.com/dotnet/framework/sdk:4.8
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          image: mcr.microsoft.com/windows:1809
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          script:
            - $env:DEPLOY_ENV="production"
        """)]
    [InlineData("""
        job:
          image: mcr.microsoft.com/windows/servercore:ltsc2022
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          image:
            name: mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2019
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          image: mcr.microsoft.com/powershell:lts-nanoserver-1809
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          script:
            - $env:VAULT_TOKEN = (vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN)
        """)]
    [InlineData("""
        job:
          script:
            - ./build.ps1
            - if ($LASTEXITCODE -ne 0) { exit 1 }
        """)]
    [InlineData("""
        job:
          script:
            - Write-Host "deploying"
        """)]
    [InlineData("""
        job:
          script:
            - |
              & aws sts assume-role-with-web-identity `
                --role-arn $env:ROLE_ARN `
                --web-identity-token $env:AWS_ID_TOKEN
        """)]
    public void A_windows_runner_or_a_powershell_only_script_makes_a_powershell_job(string yaml)
        => Assert.Equal(JobShell.PowerShell, ShellOf(yaml));

    [Theory]
    [InlineData("""
        job:
          tags: [saas-linux-small-amd64, docker]
          image: alpine:3.20
          script: [echo hi]
        """)]
    [InlineData("""
        job:
          tags: [nowindows-here]
          script:
            - export TAG=`git describe --tags`
            - echo "built at `date`"
        """)]
    [InlineData("""
        job:
          script:
            - echo "$env:HOME is bash's $env followed by text"
            - make Test-Suite
        """)]
    [InlineData("""
        job:
          script:
            - |
              VERSION=`cat VERSION`
              echo $VERSION
        """)]
    [InlineData("""
        job:
          image: dockcross/windows-static-x64
          script: [make]
        """)]
    [InlineData("""
        job:
          image: cdrx/pyinstaller-windows
          script:
            - pwsh -c '$env:FOO = 1; ./build.ps1'
            - echo 'exit $LASTEXITCODE' > wrapper.ps1
            - echo "last: $LASTEXITCODE"
        """)]
    [InlineData("""
        job:
          script:
            - |
              cat > headers.txt <<EOF
              Set-Cookie: session=1
              Add-Ons: none
              EOF
        """)]
    [InlineData("""
        job:
          image: alpine:3.20
          script:
            - |
              cat > install.ps1 <<'PS1'
              Invoke-WebRequest -Uri "https://example.invalid/app.zip" `
                -OutFile app.zip
              PS1
        """)]
    public void Bash_jobs_and_bash_idioms_stay_bash(string yaml)
        => Assert.Equal(JobShell.Posix, ShellOf(yaml));

    [Fact]
    public void A_windows_tag_from_default_or_a_template_reaches_the_job()
    {
        const string yaml = """
            default:
              tags: [windows]
            .linux:
              tags: [linux]
            job:
              script: [echo hi]
            other:
              extends: .linux
              script: [echo hi]
            """;
        Assert.Equal(JobShell.PowerShell, ShellOf(yaml));
        Assert.Equal(JobShell.Posix, ShellOf(yaml, "other"));
    }

    [Fact]
    public void Backtick_continuations_of_a_windows_job_are_not_missing_backslashes()
    {
        // The shape of a public Windows pipeline that drew ten false CIOL010 warnings.
        const string windows = """
            build:
              tags: [saas-windows-medium-amd64]
              script:
                - |
                  & "$env:ProgramFiles\Git\bin\git.exe" clone `
                    --depth 1 `
                    https://gitlab.com/group/project.git
                  dotnet build `
                    --configuration Release
            """;
        Assert.DoesNotContain("CIOL010", Ids(windows));

        // The same block on a Linux runner is flagged, as bash reads it.
        var linux = windows.Replace("saas-windows-medium-amd64", "saas-linux-small-amd64", StringComparison.Ordinal)
            .Replace("`", string.Empty, StringComparison.Ordinal).Replace("& \"$env:ProgramFiles\\Git\\bin\\git.exe\"", "git", StringComparison.Ordinal);
        Assert.Contains("CIOL010", Ids(linux));
    }

    [Fact]
    public void The_bash_rules_leave_a_windows_job_alone_and_the_variable_rules_do_not()
    {
        const string yaml = """
            deploy:
              tags: [windows]
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              script:
                - export VAULT_TOKEN=$(vault write -field=token auth/jwt/login jwt=$VAULT_ID_TOKEN)
                - cd build && ./publish.cmd
                - >
                  vault kv get
                    -field=password secret/db
                - echo %CI_JOB_JWT_V2%
            """;
        var ids = Ids(yaml);
        Assert.DoesNotContain("CIOL004", ids);
        Assert.DoesNotContain("CIOL009", ids);
        Assert.DoesNotContain("CIOL011", ids);
        Assert.Contains("CIOL001", ids);

        // Without the tag, bash reads the same lines and the bash rules speak.
        var bash = Ids(yaml.Replace("  tags: [windows]\n", string.Empty, StringComparison.Ordinal));
        Assert.Contains("CIOL004", bash);
        Assert.Contains("CIOL009", bash);
        Assert.Contains("CIOL011", bash);
    }

    [Fact]
    public void A_template_only_windows_jobs_use_is_judged_as_powershell_and_one_a_linux_job_uses_as_bash()
    {
        const string shared = """
            .login:
              script:
                - export VAULT_TOKEN=$(vault write -field=token auth/jwt/login jwt=$VAULT_ID_TOKEN)
            win:
              tags: [windows]
              extends: .login
            """;
        Assert.DoesNotContain("CIOL004", Ids(shared));
        Assert.Contains("CIOL004", Ids(shared + "lin:\n  extends: .login\n"));
    }
}

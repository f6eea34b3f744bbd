using System.Diagnostics;
using System.Text;

namespace CiOidcLint.Cli.Tests;

/// <summary>Runs an external program (dotnet, git, bash, pre-commit) the way a user's shell would, with a time limit.</summary>
public static class Processes
{
    public static CliResult Run(string fileName, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null, int timeoutSeconds = 300)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(" ", args)} did not finish in {timeoutSeconds} s");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Whether <paramref name="name"/> is a program on PATH.</summary>
    public static bool OnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(System.IO.Path.Combine(dir, name)));

    public static void Git(string workingDirectory, params string[] args)
    {
        var result = Run("git", args, workingDirectory, GitIdentity);
        Assert.True(result.ExitCode == 0, $"git {string.Join(" ", args)} failed:\n{result.Stdout}{result.Stderr}");
    }

    /// <summary>Commits in throw-away repositories need an identity; a CI machine may have none configured.</summary>
    public static IReadOnlyDictionary<string, string?> GitIdentity { get; } = new Dictionary<string, string?>
    {
        ["GIT_AUTHOR_NAME"] = "cioidclint tests",
        ["GIT_AUTHOR_EMAIL"] = "tests@example.invalid",
        ["GIT_COMMITTER_NAME"] = "cioidclint tests",
        ["GIT_COMMITTER_EMAIL"] = "tests@example.invalid",
    };
}

using System.Diagnostics;
using System.Text;

namespace CiOidcLint.Cli.Tests;

/// <summary>
/// The CLI as users get it: <c>dotnet publish</c> output, run as a process. <c>.ci/run</c> publishes
/// once and passes the path in <c>CIOIDCLINT_CLI</c>; without it the fixture publishes itself.
/// </summary>
public sealed class PublishedCli
{
    private static readonly Lazy<string> Dll = new(Locate);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Path => Dll.Value;

    public static CliResult Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("cioidclint did not finish in two minutes");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Locate()
    {
        var given = Environment.GetEnvironmentVariable("CIOIDCLINT_CLI");
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"CIOIDCLINT_CLI points at {given}, which does not exist");
        }

        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cioidclint-tests-publish-" + Environment.ProcessId);
        var publish = Process.Start(new ProcessStartInfo("dotnet", $"publish \"{System.IO.Path.Combine(RepositoryRoot, "server", "CiOidcLint.Cli")}\" -c Release -o \"{output}\" --nologo -v q")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = publish.StandardOutput.ReadToEnd() + publish.StandardError.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + log);
        }

        return System.IO.Path.Combine(output, "cioidclint.dll");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (File.Exists(System.IO.Path.Combine(dir, "CiOidcLint.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("cannot find CiOidcLint.sln above " + AppContext.BaseDirectory);
    }
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

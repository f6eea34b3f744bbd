using System.Diagnostics;
using System.Text;
using CiOidcLint.Testing;

namespace CiOidcLint.Cli.Tests;

/// <summary>
/// The CLI as users get it, run as a process: the native executable (<see cref="NativeCli"/>).
/// </summary>
public static class PublishedCli
{
    public static string RepositoryRoot => NativeCli.RepositoryRoot;

    public static string Path => NativeCli.Path;

    public static CliResult Run(string workingDirectory, params string[] args)
    {
        var (fileName, prefix) = NativeCli.Command;
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
        foreach (var arg in prefix.Concat(args))
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
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

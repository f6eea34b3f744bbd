using System.Diagnostics;

namespace CiOidcLint.LanguageServer.Tests;

/// <summary>
/// The server as editors start it: the published CLI (<c>dotnet cioidclint.dll server</c>).
/// scripts/test.sh publishes once and passes the path in <c>CIOIDCLINT_CLI</c>; without it the
/// tests publish the CLI themselves, once per run.
/// </summary>
public static class ServerProcess
{
    private static readonly Lazy<string> Dll = new(Locate);

    public static string CliPath => Dll.Value;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static LspStdioClient Start(string? workingDirectory = null)
        => LspStdioClient.Start("dotnet", new[] { CliPath, "server" }, workingDirectory);

    private static string Locate()
    {
        var given = Environment.GetEnvironmentVariable("CIOIDCLINT_CLI");
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"CIOIDCLINT_CLI points at {given}, which does not exist");
        }

        var output = Path.Combine(Path.GetTempPath(), "cioidclint-server-tests-publish-" + Environment.ProcessId);
        var publish = Process.Start(new ProcessStartInfo("dotnet", $"publish \"{Path.Combine(RepositoryRoot, "server", "CiOidcLint.Cli")}\" -c Release -o \"{output}\" --nologo -v q")
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

        return Path.Combine(output, "cioidclint.dll");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "CiOidcLint.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("cannot find CiOidcLint.sln above " + AppContext.BaseDirectory);
    }
}

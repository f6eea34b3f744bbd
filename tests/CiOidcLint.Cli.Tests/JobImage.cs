namespace CiOidcLint.Cli.Tests;

/// <summary>
/// A stand-in for the merge-request job's container: a clean environment (only the variables
/// given, no DOTNET_ROOT, a fresh HOME and TMPDIR) whose PATH holds nothing but the programs the
/// template's image (Debian with curl) provides and its script uses. So a script that reaches for
/// <c>dotnet</c>, or for any tool the image lacks, fails here as it would on a runner.
/// </summary>
public static class JobImage
{
    /// <summary>The programs the script may use, all in buildpack-deps:bookworm-curl.</summary>
    public static readonly IReadOnlyList<string> Programs = new[] { "bash", "sh", "curl", "sha256sum", "cut", "tar", "gzip", "mktemp", "rm", "cat", "mkdir" };

    public static CliResult Run(string workingDirectory, string script, IReadOnlyDictionary<string, string?> variables)
    {
        using var sandbox = new TempRepository(withGit: false);
        var bin = Directory.CreateDirectory(System.IO.Path.Combine(sandbox.Root, "bin")).FullName;
        foreach (var program in Programs)
        {
            var found = Find(program) ?? throw new InvalidOperationException($"{program} is not installed on this machine (scripts/setup-test-tools.sh installs curl)");
            File.CreateSymbolicLink(System.IO.Path.Combine(bin, program), found);
        }

        var home = Directory.CreateDirectory(System.IO.Path.Combine(sandbox.Root, "home")).FullName;
        var tmp = Directory.CreateDirectory(System.IO.Path.Combine(sandbox.Root, "tmp")).FullName;
        var args = new List<string> { "-i", "PATH=" + bin, "HOME=" + home, "TMPDIR=" + tmp };
        args.AddRange(variables.Where(v => v.Value is not null).Select(v => $"{v.Key}={v.Value}"));
        args.AddRange(new[] { System.IO.Path.Combine(bin, "bash"), "-c", script });
        return Processes.Run("/usr/bin/env", args, workingDirectory);
    }

    private static string? Find(string program)
        => new[] { "/usr/bin", "/bin", "/usr/local/bin" }
            .Select(dir => System.IO.Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace CiOidcLint.Testing;

/// <summary>
/// The <c>cioidclint</c> executable the process tests run, as users get it: the NativeAOT build.
/// <c>scripts/test.sh</c> publishes it once (<c>scripts/publish-native.sh</c>) and passes its path
/// in <c>CIOIDCLINT_CLI</c>; without it the first test publishes it into a temporary folder. A
/// <c>.dll</c> in <c>CIOIDCLINT_CLI</c> (the JIT build) runs with <c>dotnet</c>, for debugging.
/// </summary>
public static class NativeCli
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The executable (or, for a JIT build, the <c>.dll</c>).</summary>
    public static string Path => Located.Value;

    /// <summary>True when <see cref="Path"/> is a native executable, run without <c>dotnet</c>.</summary>
    public static bool IsNative => !Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    /// <summary>The program to start and the arguments that come before the CLI's own.</summary>
    public static (string FileName, IReadOnlyList<string> Prefix) Command
        => IsNative ? (Path, Array.Empty<string>()) : ("dotnet", new[] { Path });

    /// <summary>The platform the test machine publishes for: linux-x64, osx-arm64, win-x64, …</summary>
    public static string HostRuntimeIdentifier
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            var arch = RuntimeInformation.OSArchitecture switch
            {
                Architecture.Arm64 => "arm64",
                Architecture.X64 => "x64",
                var other => other.ToString().ToLowerInvariant(),
            };
            return os + "-" + arch;
        }
    }

    private static string Locate()
    {
        var given = Environment.GetEnvironmentVariable("CIOIDCLINT_CLI");
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"CIOIDCLINT_CLI points at {given}, which does not exist");
        }

        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cioidclint-tests-native-" + Environment.ProcessId);
        var script = System.IO.Path.Combine(RepositoryRoot, "scripts", "publish-native.sh");
        var publish = Process.Start(new ProcessStartInfo("bash")
        {
            ArgumentList = { script, HostRuntimeIdentifier, output },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = publish.StandardError.ReadToEndAsync();
        var stdout = publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/publish-native.sh failed:\n" + stdout + stderr.Result);
        }

        return System.IO.Path.Combine(output, OperatingSystem.IsWindows() ? "cioidclint.exe" : "cioidclint");
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

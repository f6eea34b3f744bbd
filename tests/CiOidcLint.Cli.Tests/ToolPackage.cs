using System.Xml.Linq;

namespace CiOidcLint.Cli.Tests;

/// <summary>
/// The packed <c>cioidclint</c> tool package, as a folder NuGet can install from.
/// <c>scripts/test.sh</c> packs once and passes the folder in <c>CIOIDCLINT_PACKAGES</c>; without
/// it the fixture packs into a temporary folder itself.
/// </summary>
public static class ToolPackage
{
    private static readonly Lazy<string> FolderValue = new(Locate);

    public const string Id = "cioidclint";

    /// <summary>The folder holding <c>cioidclint.VERSION.nupkg</c>.</summary>
    public static string Folder => FolderValue.Value;

    /// <summary>The one version of tool, extension and template: <c>Version</c> in Directory.Build.props.</summary>
    public static string Version { get; } = XDocument.Load(System.IO.Path.Combine(PublishedCli.RepositoryRoot, "Directory.Build.props"))
        .Descendants("Version").Single().Value;

    public static string Nupkg => System.IO.Path.Combine(Folder, $"{Id}.{Version}.nupkg");

    /// <summary>
    /// Installs the package into a new tool path and returns the path of the command. Installs from
    /// the folder only (<c>--source</c>), into a private NuGet cache, so nothing stale is picked up.
    /// </summary>
    public static string InstallInto(string toolPath)
    {
        var result = Processes.Run(
            "dotnet",
            new[] { "tool", "install", Id, "--tool-path", toolPath, "--source", Folder, "--version", Version },
            PublishedCli.RepositoryRoot,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = System.IO.Path.Combine(toolPath, ".nuget-packages") });
        Assert.True(result.ExitCode == 0, "dotnet tool install failed:\n" + result.Stdout + result.Stderr);
        return System.IO.Path.Combine(toolPath, Id);
    }

    private static string Locate()
    {
        var given = Environment.GetEnvironmentVariable("CIOIDCLINT_PACKAGES");
        if (!string.IsNullOrEmpty(given))
        {
            return Directory.Exists(given) ? given : throw new DirectoryNotFoundException($"CIOIDCLINT_PACKAGES points at {given}, which does not exist");
        }

        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cioidclint-tests-pack-" + Environment.ProcessId);
        var pack = Processes.Run(
            "dotnet",
            new[] { "pack", System.IO.Path.Combine(PublishedCli.RepositoryRoot, "server", "CiOidcLint.Cli"), "-c", "Release", "-o", output, "--nologo", "-v", "q" },
            PublishedCli.RepositoryRoot,
            timeoutSeconds: 600);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack.Stdout + pack.Stderr);
        }

        return output;
    }
}

using System.Xml.Linq;

namespace CiOidcLint.Cli.Tests;

/// <summary>
/// The packed <c>cioidclint</c> tool packages, as folders NuGet can install from (see
/// <c>scripts/pack-tool.sh</c>): <c>native/</c>, the RID-specific set, and <c>framework/</c>, the
/// single package a plain <c>dotnet pack</c> makes. <c>scripts/test.sh</c> packs once and passes
/// the parent folder in <c>CIOIDCLINT_PACKAGES</c>; without it the fixture packs into a temporary folder.
/// </summary>
public static class ToolPackage
{
    private static readonly Lazy<string> RootValue = new(Locate);

    public const string Id = "cioidclint";

    /// <summary>The RID-specific set: the pointer package, the native package of this platform and the <c>any</c> fallback.</summary>
    public static string Folder => System.IO.Path.Combine(RootValue.Value, "native");

    /// <summary>The framework-dependent package pre-commit builds.</summary>
    public static string FrameworkFolder => System.IO.Path.Combine(RootValue.Value, "framework");

    /// <summary>The one version of tool, extension and template: <c>Version</c> in Directory.Build.props.</summary>
    public static string Version { get; } = XDocument.Load(System.IO.Path.Combine(PublishedCli.RepositoryRoot, "Directory.Build.props"))
        .Descendants("Version").Single().Value;

    /// <summary>A package of the native set: <c>cioidclint</c>, <c>cioidclint.linux-x64</c>, <c>cioidclint.any</c>.</summary>
    public static string NativeSetPackage(string id) => System.IO.Path.Combine(Folder, $"{id}.{Version}.nupkg");

    public static string FrameworkNupkg => System.IO.Path.Combine(FrameworkFolder, $"{Id}.{Version}.nupkg");

    /// <summary>
    /// Installs the tool as users do (<c>dotnet tool install cioidclint</c>) into a new tool path
    /// and returns the path of the command. Installs from <paramref name="source"/> only (by
    /// default the native set), into a private NuGet cache, so nothing stale is picked up.
    /// </summary>
    public static string InstallInto(string toolPath, string? source = null)
    {
        var result = Processes.Run(
            "dotnet",
            new[] { "tool", "install", Id, "--tool-path", toolPath, "--source", source ?? Folder, "--version", Version },
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
            return Directory.Exists(System.IO.Path.Combine(given, "native"))
                ? given
                : throw new DirectoryNotFoundException($"CIOIDCLINT_PACKAGES points at {given}, which has no native/ folder (scripts/pack-tool.sh makes it)");
        }

        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cioidclint-tests-pack-" + Environment.ProcessId);
        var pack = Processes.Run("bash", new[] { System.IO.Path.Combine(PublishedCli.RepositoryRoot, "scripts", "pack-tool.sh"), output }, PublishedCli.RepositoryRoot, timeoutSeconds: 900);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/pack-tool.sh failed:\n" + pack.Stdout + pack.Stderr);
        }

        return output;
    }
}

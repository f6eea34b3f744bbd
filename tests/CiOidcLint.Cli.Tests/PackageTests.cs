using System.IO.Compression;
using System.Xml.Linq;
using CiOidcLint.Testing;

namespace CiOidcLint.Cli.Tests;

/// <summary>
/// The <c>cioidclint</c> .NET tool packages: <c>dotnet tool install cioidclint</c> gets the native
/// executable on this platform and a framework-dependent fallback elsewhere, and a plain
/// <c>dotnet pack</c> (pre-commit's) still makes one framework-dependent tool.
/// </summary>
public sealed class PackageTests
{
    [Fact]
    public void Dotnet_tool_install_gets_the_native_executable_and_it_checks_a_repository()
    {
        using var tools = new TempRepository(withGit: false);
        var command = ToolPackage.InstallInto(tools.Root);

        // The command is the NativeAOT executable itself: an ELF (or Mach-O, PE) file, with no
        // assembly to hand to a runtime anywhere in the installed tool.
        var target = new FileInfo(command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? command;
        Assert.True(IsNativeExecutable(target), $"{target} is not a native executable");
        var installed = Directory.EnumerateFiles(System.IO.Path.Combine(tools.Root, ".store"), "*", SearchOption.AllDirectories).ToList();
        Assert.DoesNotContain(installed, f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(installed, f => f.Contains($"{ToolPackage.Id}.{NativeCli.HostRuntimeIdentifier}", StringComparison.Ordinal));

        using var repo = new TempRepository().Write(".gitlab-ci.yml", "job:\n  script:\n    - vault login -no-print jwt=$CI_JOB_JWT\n");
        // With no dotnet reachable: nothing on PATH but the tool folder, no DOTNET_ROOT.
        var result = Processes.Run(command, new[] { "check", "--no-color" }, repo.Root, new Dictionary<string, string?> { ["DOTNET_ROOT"] = null, ["PATH"] = tools.Root });
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(".gitlab-ci.yml:3:33: error CIOL001 ", Assert.Single(result.Lines));

        var version = Processes.Run(command, new[] { "--version" }, repo.Root);
        Assert.StartsWith(ToolPackage.Version, version.Stdout.Trim());
    }

    [Fact]
    public void The_top_level_package_names_the_native_package_and_the_any_fallback()
    {
        using var zip = ZipFile.OpenRead(ToolPackage.NativeSetPackage(ToolPackage.Id));
        var metadata = Metadata(zip, ToolPackage.Id);
        Assert.Equal("DotnetTool", PackageType(metadata));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal) || e.Name == ToolPackage.Id);

        var settings = XDocument.Load(zip.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open());
        var packages = settings.Descendants("RuntimeIdentifierPackage").ToDictionary(e => e.Attribute("RuntimeIdentifier")!.Value, e => e.Attribute("Id")!.Value);
        Assert.Equal($"{ToolPackage.Id}.{NativeCli.HostRuntimeIdentifier}", packages[NativeCli.HostRuntimeIdentifier]);
        Assert.Equal($"{ToolPackage.Id}.any", packages["any"]);
    }

    [Fact]
    public void The_native_package_carries_only_the_executable_and_the_notices()
    {
        var rid = NativeCli.HostRuntimeIdentifier;
        using var zip = ZipFile.OpenRead(ToolPackage.NativeSetPackage($"{ToolPackage.Id}.{rid}"));
        Assert.Equal("DotnetToolRidPackage", PackageType(Metadata(zip, $"{ToolPackage.Id}.{rid}")));
        var tools = zip.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var exe = OperatingSystem.IsWindows() ? "cioidclint.exe" : "cioidclint";
        Assert.Equal(new[] { $"tools/any/{rid}/DotnetToolSettings.xml", $"tools/any/{rid}/{exe}" }, tools);
        var command = XDocument.Load(zip.GetEntry($"tools/any/{rid}/DotnetToolSettings.xml")!.Open()).Descendants("Command").Single();
        Assert.Equal("executable", command.Attribute("Runner")!.Value);
        Assert.Contains(new[] { "LICENSE", "README.md", "THIRD-PARTY-NOTICES.md" }, name => zip.GetEntry(name) is not null);
    }

    [Fact]
    public void The_any_fallback_is_framework_dependent_and_runs_on_dotnet()
    {
        using var zip = ZipFile.OpenRead(ToolPackage.NativeSetPackage($"{ToolPackage.Id}.any"));
        Assert.Equal("DotnetToolRidPackage", PackageType(Metadata(zip, $"{ToolPackage.Id}.any")));
        Assert.All(zip.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)), e => Assert.StartsWith("tools/net10.0/any/", e.FullName));
        var command = XDocument.Load(zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open()).Descendants("Command").Single();
        Assert.Equal("cioidclint.dll", command.Attribute("EntryPoint")!.Value);
        Assert.Equal("dotnet", command.Attribute("Runner")!.Value);

        // Run it as the tool's shim would, on the machine's runtime.
        using var unpacked = new TempRepository(withGit: false);
        zip.ExtractToDirectory(unpacked.Root);
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "job:\n  script:\n    - vault login -no-print jwt=$CI_JOB_JWT\n");
        var result = Processes.Run("dotnet", new[] { System.IO.Path.Combine(unpacked.Root, "tools", "net10.0", "any", "cioidclint.dll"), "check", "--no-color" }, repo.Root);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(".gitlab-ci.yml:3:33: error CIOL001 ", Assert.Single(result.Lines));
    }

    [Fact]
    public void A_plain_pack_is_one_framework_dependent_tool_with_license_readme_and_notices()
    {
        // What pre-commit's `language: dotnet` builds (`dotnet pack` at the root) and installs.
        using var zip = ZipFile.OpenRead(ToolPackage.FrameworkNupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var metadata = Metadata(zip, ToolPackage.Id);
        XNamespace ns = metadata.Name.Namespace;
        Assert.Equal(ToolPackage.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("DotnetTool", PackageType(metadata));
        Assert.Contains("2026 The CiOidcLint authors", metadata.Element(ns + "copyright")!.Value);

        Assert.Contains("LICENSE", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("THIRD-PARTY-NOTICES.md", entries);

        // Framework-dependent: everything under tools/net10.0/any, no runtime-specific assets.
        var tools = entries.Where(e => e.StartsWith("tools/", StringComparison.Ordinal)).ToList();
        Assert.All(tools, e => Assert.StartsWith("tools/net10.0/any/", e));
        Assert.DoesNotContain(entries, e => e.Contains("/runtimes/", StringComparison.Ordinal));
        var settings = XDocument.Load(zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        Assert.Empty(settings.Descendants("RuntimeIdentifierPackage"));
        var commandElement = settings.Descendants("Command").Single();
        Assert.Equal("cioidclint", commandElement.Attribute("Name")!.Value);
        Assert.Equal("cioidclint.dll", commandElement.Attribute("EntryPoint")!.Value);
    }

    [Fact]
    public void Every_third_party_assembly_in_the_package_is_in_the_notices()
    {
        var notices = File.ReadAllText(System.IO.Path.Combine(PublishedCli.RepositoryRoot, "THIRD-PARTY-NOTICES.md"));
        using var zip = ZipFile.OpenRead(ToolPackage.FrameworkNupkg);
        var thirdParty = zip.Entries
            .Select(e => e.FullName)
            .Where(e => e.EndsWith(".dll", StringComparison.Ordinal))
            .Select(System.IO.Path.GetFileName)
            .Where(name => name != "cioidclint.dll" && !name!.StartsWith("CiOidcLint.", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.NotEmpty(thirdParty);
        Assert.All(thirdParty, name => Assert.Contains($"`{name}`", notices));
    }

    [Fact]
    public void Only_the_cli_is_packable_so_pre_commit_installs_one_package()
    {
        var list = Processes.Run("dotnet", new[] { "sln", "CiOidcLint.sln", "list" }, PublishedCli.RepositoryRoot);
        Assert.Equal(0, list.ExitCode);
        var projects = list.Lines.Where(l => l.EndsWith(".csproj", StringComparison.Ordinal)).Select(l => l.Replace('\\', '/')).ToList();
        Assert.Contains("server/CiOidcLint.Cli/CiOidcLint.Cli.csproj", projects);
        var packable = projects
            .Where(p => Processes.Run("dotnet", new[] { "msbuild", p, "-getProperty:IsPackable" }, PublishedCli.RepositoryRoot).Stdout.Trim() == "true")
            .ToList();
        Assert.Equal(new[] { "server/CiOidcLint.Cli/CiOidcLint.Cli.csproj" }, packable);
    }

    private static XElement Metadata(ZipArchive zip, string id)
    {
        var nuspec = XDocument.Load(zip.GetEntry($"{id}.nuspec")!.Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal(id, metadata.Element(ns + "id")!.Value);
        return metadata;
    }

    private static string PackageType(XElement metadata)
    {
        XNamespace ns = metadata.Name.Namespace;
        return metadata.Element(ns + "packageTypes")!.Element(ns + "packageType")!.Attribute("name")!.Value;
    }

    /// <summary>ELF, Mach-O or PE by its first bytes.</summary>
    private static bool IsNativeExecutable(string path)
    {
        var head = new byte[4];
        using (var stream = File.OpenRead(path))
        {
            if (stream.Read(head, 0, 4) < 4)
            {
                return false;
            }
        }

        return (head[0] == 0x7F && head[1] == (byte)'E' && head[2] == (byte)'L' && head[3] == (byte)'F')
            || (head[0] == 0xCF && head[1] == 0xFA && head[2] == 0xED && head[3] == 0xFE)
            || (head[0] == (byte)'M' && head[1] == (byte)'Z');
    }
}

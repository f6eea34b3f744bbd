using System.IO.Compression;
using System.Xml.Linq;

namespace CiOidcLint.Cli.Tests;

/// <summary>The <c>cioidclint</c> .NET tool package: what it declares, what it carries, and that it installs and runs.</summary>
public sealed class PackageTests
{
    [Fact]
    public void The_packed_tool_installs_into_a_tool_path_and_checks_a_repository()
    {
        using var tools = new TempRepository(withGit: false);
        var command = ToolPackage.InstallInto(tools.Root);
        using var repo = new TempRepository().Write(".gitlab-ci.yml", "job:\n  script:\n    - vault login jwt=$CI_JOB_JWT\n");

        var result = Processes.Run(command, new[] { "check", "--no-color" }, repo.Root);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(".gitlab-ci.yml:3:23: error CIOL001 ", Assert.Single(result.Lines));

        var version = Processes.Run(command, new[] { "--version" }, repo.Root);
        Assert.StartsWith(ToolPackage.Version, version.Stdout.Trim());
    }

    [Fact]
    public void The_package_is_one_framework_dependent_tool_with_license_readme_and_notices()
    {
        using var zip = ZipFile.OpenRead(ToolPackage.Nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var nuspec = XDocument.Load(zip.GetEntry("cioidclint.nuspec")!.Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("cioidclint", metadata.Element(ns + "id")!.Value);
        Assert.Equal(ToolPackage.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("DotnetTool", metadata.Element(ns + "packageTypes")!.Element(ns + "packageType")!.Attribute("name")!.Value);
        Assert.Contains("2026 The CiOidcLint authors", metadata.Element(ns + "copyright")!.Value);

        Assert.Contains("LICENSE", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("THIRD-PARTY-NOTICES.md", entries);

        // Framework-dependent: everything under tools/net10.0/any, no runtime-specific assets.
        var tools = entries.Where(e => e.StartsWith("tools/", StringComparison.Ordinal)).ToList();
        Assert.All(tools, e => Assert.StartsWith("tools/net10.0/any/", e));
        Assert.DoesNotContain(entries, e => e.Contains("/runtimes/", StringComparison.Ordinal));
        var settings = XDocument.Load(zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        var commandElement = settings.Descendants("Command").Single();
        Assert.Equal("cioidclint", commandElement.Attribute("Name")!.Value);
        Assert.Equal("cioidclint.dll", commandElement.Attribute("EntryPoint")!.Value);
    }

    [Fact]
    public void Every_third_party_assembly_in_the_package_is_in_the_notices()
    {
        var notices = File.ReadAllText(System.IO.Path.Combine(PublishedCli.RepositoryRoot, "THIRD-PARTY-NOTICES.md"));
        using var zip = ZipFile.OpenRead(ToolPackage.Nupkg);
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
}

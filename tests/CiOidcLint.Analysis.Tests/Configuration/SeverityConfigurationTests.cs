using CiOidcLint.Analysis.Configuration;
using CiOidcLint.Analysis.Rules;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Tests.Configuration;

public sealed class SeverityConfigurationTests
{
    private static SeverityConfiguration Create(params (string Path, string Text)[] configs) => SeverityConfiguration.Create("/repo", configs);

    [Fact]
    public void Without_editorconfig_the_descriptor_default_applies()
    {
        Assert.Equal(DiagnosticSeverity.Warning, SeverityConfiguration.Default.GetSeverity(ExportMasksExitCodeRule.Rule, ".gitlab-ci.yml"));
    }

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("silent", DiagnosticSeverity.Hidden)]
    [InlineData("none", null)]
    public void Each_editorconfig_severity_maps(string value, DiagnosticSeverity? expected)
    {
        var configuration = Create(("/repo/.editorconfig", $"root = true\n[*.yml]\ndotnet_diagnostic.CIOL004.severity = {value}\n"));
        Assert.Equal(expected, configuration.GetSeverity(ExportMasksExitCodeRule.Rule, ".gitlab-ci.yml"));
    }

    [Fact]
    public void Sections_match_paths_and_nearer_files_win()
    {
        var configuration = Create(
            ("/repo/.editorconfig", "root = true\n[*.yml]\ndotnet_diagnostic.CIOL001.severity = warning\n[.gitlab/ci/legacy/**.yml]\ndotnet_diagnostic.CIOL001.severity = none\n"),
            ("/repo/ci/.editorconfig", "[*.yml]\ndotnet_diagnostic.CIOL001.severity = suggestion\n"));
        Assert.Equal(DiagnosticSeverity.Warning, configuration.GetSeverity(DeprecatedJobJwtRule.Rule, ".gitlab-ci.yml"));
        Assert.Null(configuration.GetSeverity(DeprecatedJobJwtRule.Rule, ".gitlab/ci/legacy/old.yml"));
        Assert.Equal(DiagnosticSeverity.Info, configuration.GetSeverity(DeprecatedJobJwtRule.Rule, "ci/deploy.yml"));
        Assert.Equal(DiagnosticSeverity.Error, configuration.GetSeverity(IdTokenMissingAudRule.Rule, "ci/deploy.yml"));
    }

    [Fact]
    public void Discovery_walks_up_to_the_root_file()
    {
        var files = new Dictionary<string, string>
        {
            ["/outer/.editorconfig"] = "[*]\nindent_style = space\n",
            ["/outer/repo/.editorconfig"] = "root = true\n",
            ["/outer/repo/ci/.editorconfig"] = "[*.yml]\n",
        };
        var found = EditorConfigDiscovery.Find(new[] { "/outer/repo/ci" }, p => files.TryGetValue(p, out var t) ? t : null);
        Assert.Equal(new[] { "/outer/repo/.editorconfig", "/outer/repo/ci/.editorconfig" }, found.Select(f => f.Path));
    }
}

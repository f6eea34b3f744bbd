using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Rules;
using CiOidcLint.Analysis.Tests.Corpus;
using CiOidcLint.Analysis.Workspace;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Tests.Configuration;

/// <summary>RepositoryScope: one decision, for every front door, of which files are pipelines and which .editorconfig files apply.</summary>
public sealed class RepositoryScopeTests
{
    [Theory]
    [InlineData(".gitlab-ci.yml", true)]
    [InlineData(".gitlab-ci.yaml", true)]
    [InlineData("sub/deploy.gitlab-ci.yaml", true)]
    [InlineData(".gitlab/ci/jobs/build.yaml", true)]
    [InlineData(".gitlab/ci/build.yml", true)]
    [InlineData("ci/deploy.yml", false)]
    [InlineData(".gitlab/ci/README.md", false)]
    [InlineData("docker-compose.yaml", false)]
    public void GitLab_s_names_are_pipelines_with_yml_and_yaml_alike(string path, bool expected)
        => Assert.Equal(expected, RepositoryScope.IsPipelineFile(path));

    [Fact]
    public void Globs_from_a_setting_add_pipelines()
        => Assert.True(RepositoryScope.IsPipelineFile("ci/deploy.yml", new[] { "ci/*.yml" }));

    [Fact]
    public void Every_default_glob_matches_what_is_a_pipeline()
    {
        var examples = new[] { "a/.gitlab-ci.yml", "a/.gitlab-ci.yaml", "a/x.gitlab-ci.yml", "a/x.gitlab-ci.yaml", "a/.gitlab/ci/b/c.yml", "a/.gitlab/ci/b/c.yaml" };
        Assert.Equal(examples.Length, RepositoryScope.DefaultPipelineGlobs.Length);
        foreach (var (glob, example) in RepositoryScope.DefaultPipelineGlobs.Zip(examples))
        {
            Assert.True(new FileGlob(glob).IsMatch(example), $"{glob} does not match {example}");
            Assert.True(RepositoryScope.IsPipelineFile(example), example);
        }

    }

    [Fact]
    public void The_editorconfig_of_an_included_file_s_folder_applies_to_its_pipeline()
    {
        var root = Path.Combine(Path.GetTempPath(), "cioidclint-scope-" + Guid.NewGuid().ToString("N")[..8]);
        var files = new Dictionary<string, string>
        {
            [Path.Combine(root, ".editorconfig")] = "root = true\n[*.yml]\ndotnet_diagnostic.CIOL004.severity = suggestion\n",
            [Path.Combine(root, "ci", ".editorconfig")] = "[*.yml]\ndotnet_diagnostic.CIOL004.severity = error\n",
        };
        var scope = new RepositoryScope(root, path => files.TryGetValue(path, out var text) ? text : null);

        var withInclude = scope.SeveritiesFor(new[] { ".gitlab-ci.yml", "ci/deploy.yml" });
        Assert.Equal(DiagnosticSeverity.Error, withInclude.GetSeverity(ExportMasksExitCodeRule.Rule, "ci/deploy.yml"));
        Assert.Equal(DiagnosticSeverity.Info, withInclude.GetSeverity(ExportMasksExitCodeRule.Rule, ".gitlab-ci.yml"));

        // Changed on disk: forgotten, then read again.
        files[Path.Combine(root, "ci", ".editorconfig")] = "[*.yml]\ndotnet_diagnostic.CIOL004.severity = none\n";
        scope.Forget(Path.Combine(root, "ci", ".editorconfig"));
        Assert.Null(scope.SeveritiesFor(new[] { ".gitlab-ci.yml", "ci/deploy.yml" }).GetSeverity(ExportMasksExitCodeRule.Rule, "ci/deploy.yml"));
    }

    [Fact]
    public void A_repository_at_the_file_system_root_keeps_its_root_editorconfig()
    {
        var read = new List<string>();
        var scope = new RepositoryScope("/", path => { read.Add(path); return null; });
        Assert.Equal("/", scope.Root);
        scope.SeveritiesFor(new[] { ".gitlab-ci.yml" });
        Assert.Contains("/.editorconfig", read);
    }
}

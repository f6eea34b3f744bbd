using CiOidcLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CiOidcLint.Analyzers.Tests;

/// <summary>
/// The analyzer in isolation (Roslyn's analyzer test framework): a compilation whose
/// AdditionalFiles hold a pipeline and the file it includes gets each finding on the file and
/// span where it belongs, with the CLI's id, message and the .editorconfig's severity.
/// </summary>
public sealed class GitLabPipelineAnalyzerTests
{
    private const string Root = "/repo";

    private const string Pipeline = """
        include:
          - local: ci/deploy.yml
        build:
          script:
            - dotnet build
            - echo $CI_JOB_JWT_V2

        """;

    private const string Deploy = """
        deploy:
          id_tokens:
            VAULT_ID_TOKEN:
              aud: https://vault.acme.internal
          script:
            - export VAULT_TOKEN="$(vault write -field=token auth/jwt/login role=app jwt=$VAULT_ID_TOKEN)"
            - ./deploy.sh
          rules:
            - if: $CI_COMMIT_REF_PROTECTED == "true"

        """;

    private static CSharpAnalyzerTest<GitLabPipelineAnalyzer, DefaultVerifier> Test(params (string Path, string Text)[] files)
    {
        var test = new CSharpAnalyzerTest<GitLabPipelineAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add("class Program { static void Main() { } }");
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.CiOidcLintRoot = {Root}\n"));
        foreach (var (path, text) in files)
        {
            test.TestState.AdditionalFiles.Add(($"{Root}/{path}", text));
        }

        return test;
    }

    [Fact]
    public async Task Findings_land_on_the_pipeline_file_and_the_included_file_with_the_cli_s_ids_and_messages()
    {
        var test = Test((".gitlab-ci.yml", Pipeline), ("ci/deploy.yml", Deploy));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("CIOL001", DiagnosticSeverity.Error)
            .WithSpan($"{Root}/.gitlab-ci.yml", 6, 12, 6, 26)
            .WithMessage("'CI_JOB_JWT_V2' was removed in GitLab 17.0 and is empty now, so whatever authenticates with it fails (in job 'build')"));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("CIOL004", DiagnosticSeverity.Warning)
            .WithSpan($"{Root}/ci/deploy.yml", 6, 7, 6, 99)
            .WithMessage("'export VAULT_TOKEN=$(vault write …)' hides a failure of 'vault write': the job goes on with an empty VAULT_TOKEN (in job 'deploy')"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_repository_s_editorconfig_sets_severity_as_it_does_for_the_cli()
    {
        var test = Test(
            (".gitlab-ci.yml", Pipeline),
            ("ci/deploy.yml", Deploy),
            (".editorconfig", "root = true\n\n[*.yml]\ndotnet_diagnostic.CIOL001.severity = none\n"),
            ("ci/.editorconfig", "[*.yml]\ndotnet_diagnostic.CIOL004.severity = error\n"));

        // CIOL001 is off at the root, CIOL004 an error in ci/ (its own folder's .editorconfig).
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("CIOL004", DiagnosticSeverity.Error)
            .WithSpan($"{Root}/ci/deploy.yml", 6, 7, 6, 99)
            .WithMessage("'export VAULT_TOKEN=$(vault write …)' hides a failure of 'vault write': the job goes on with an empty VAULT_TOKEN (in job 'deploy')"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_a_pipeline_among_the_additional_files_nothing_is_reported()
    {
        var test = Test(("ci/deploy.yml", Deploy));
        test.TestState.AnalyzerConfigFiles.Clear();
        await test.RunAsync();
    }

    [Fact]
    public void Every_rule_of_the_engine_is_a_supported_diagnostic_with_its_help_link()
    {
        var supported = new GitLabPipelineAnalyzer().SupportedDiagnostics;
        Assert.Equal(CiOidcLint.Analysis.Rules.RuleCatalog.All.Select(r => r.Descriptor.Id), supported.Select(d => d.Id));
        Assert.All(supported, d => Assert.EndsWith($"/docs/rules/{d.Id}.md", d.HelpLinkUri, StringComparison.Ordinal));
    }
}

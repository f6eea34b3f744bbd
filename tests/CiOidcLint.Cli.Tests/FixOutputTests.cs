using System.Collections.Immutable;
using System.Text.Json.Nodes;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;
using CiOidcLint.Cli.Output;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Cli.Tests;

/// <summary>
/// Fixes in SARIF and JSON. No rule offers fixes in this build yet (issue 3 adds them), so these
/// tests attach fixes to a real finding and call the writers in-process; once rules carry fixes,
/// the process tests cover the same output end to end.
/// </summary>
public sealed class FixOutputTests
{
    private const string Text = "deploy:\n  script:\n    - vault login -no-print jwt=$CI_JOB_JWT\n";

    [Fact]
    public void Sarif_fixes_are_replacements_with_deleted_regions_and_inserted_content()
    {
        var report = ReportWithFix();
        var writer = new StringWriter();
        new SarifReportWriter().Write(writer, report);
        SchemaValidation.AssertValid("sarif-schema-2.1.0.json", writer.ToString());

        var result = JsonNode.Parse(writer.ToString())!["runs"]![0]!["results"]![0]!;
        var fix = result["fixes"]!.AsArray().Single()!;
        Assert.Equal("Use the ID token VAULT_ID_TOKEN", (string?)fix["description"]!["text"]);
        Assert.True((bool)fix["properties"]!["isPreferred"]!);
        var change = fix["artifactChanges"]!.AsArray().Single()!;
        Assert.Equal(".gitlab-ci.yml", (string?)change["artifactLocation"]!["uri"]);
        Assert.Equal("SRCROOT", (string?)change["artifactLocation"]!["uriBaseId"]);
        var replacements = change["replacements"]!.AsArray();
        Assert.Equal(2, replacements.Count);

        // '$CI_JOB_JWT' is line 3, columns 33 to 44 (exclusive), 1-based.
        var replace = replacements[0]!;
        Assert.Equal(new[] { 3, 33, 3, 44 }, Region(replace["deletedRegion"]!));
        Assert.Equal("$VAULT_ID_TOKEN", (string?)replace["insertedContent"]!["text"]);

        // An insertion is an empty region: start and end at the same place.
        var insert = replacements[1]!;
        Assert.Equal(new[] { 2, 3, 2, 3 }, Region(insert["deletedRegion"]!));
        Assert.Equal("id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.acme.internal\n  ", (string?)insert["insertedContent"]!["text"]);
    }

    [Fact]
    public void Json_fixes_match_the_report_schema()
    {
        var writer = new StringWriter();
        new JsonReportWriter().Write(writer, ReportWithFix());
        SchemaValidation.AssertValid("cioidclint-report.schema.json", writer.ToString());
        var fix = JsonNode.Parse(writer.ToString())!["findings"]![0]!["fixes"]![0]!;
        Assert.Equal("Use the ID token VAULT_ID_TOKEN", (string?)fix["title"]);
        var edit = fix["changes"]![0]!["edits"]![0]!;
        Assert.Equal(3, (int)edit["start"]!["line"]!);
        Assert.Equal(33, (int)edit["start"]!["column"]!);
        Assert.Equal(44, (int)edit["end"]!["column"]!);
        Assert.Equal("$VAULT_ID_TOKEN", (string?)edit["newText"]);
    }

    private static int[] Region(JsonNode region)
        => new[] { (int)region["startLine"]!, (int)region["startColumn"]!, (int)region["endLine"]!, (int)region["endColumn"]! };

    private static Report ReportWithFix()
    {
        var result = new RepositoryAnalysis(new InMemoryFileSystem().Add(".gitlab-ci.yml", Text)).Analyze(Array.Empty<string>()).Single();
        var finding = Assert.Single(result.Findings);
        var jwt = Text.IndexOf("$CI_JOB_JWT", StringComparison.Ordinal);
        var script = Text.IndexOf("script:", StringComparison.Ordinal);
        var fix = new CodeFix(
            "Use the ID token VAULT_ID_TOKEN",
            IsPreferred: true,
            ImmutableArray.Create(new DocumentChange(".gitlab-ci.yml", ImmutableArray.Create(
                new TextChange(new TextSpan(jwt, "$CI_JOB_JWT".Length), "$VAULT_ID_TOKEN"),
                new TextChange(new TextSpan(script, 0), "id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.acme.internal\n  ")))));
        var withFix = finding with { Fixes = ImmutableArray.Create(fix) };
        var texts = result.Pipeline.Files.ToImmutableDictionary(f => f.Path, f => f.Text);
        return new Report(ImmutableArray.Create(new ReportEntry(withFix, ".gitlab-ci.yml", "0123456789abcdef0123456789abcdef")), "/repo", texts);
    }
}

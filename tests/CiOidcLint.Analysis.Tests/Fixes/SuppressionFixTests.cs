using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;
using Microsoft.CodeAnalysis.Text;
using CiOidcLint.Analysis.Engine;

namespace CiOidcLint.Analysis.Tests.Fixes;

/// <summary>Where "Ignore CIOLxxx on this line" writes its comment: input, fix title, expected text.</summary>
public sealed class SuppressionFixTests
{
    private static string Apply(string yaml, string id)
    {
        var results = new RepositoryAnalysis(new InMemoryFileSystem().Add(".gitlab-ci.yml", yaml)).Analyze(Array.Empty<string>());
        var finding = results.Single().Findings.First(f => f.Id == id);
        var fix = SuppressionFix.Create(finding);
        Assert.NotNull(fix);
        Assert.Equal($"Ignore {id} on this line", fix!.Title);
        Assert.False(fix.IsPreferred);
        var change = fix.Changes.Single();
        Assert.Equal(".gitlab-ci.yml", change.Path);
        var fixedText = SourceText.From(yaml).WithChanges(change.Changes).ToString();

        // The comment goes where the engine reads suppressions: the finding is gone, nothing else.
        var after = new RepositoryAnalysis(new InMemoryFileSystem().Add(".gitlab-ci.yml", fixedText)).Analyze(Array.Empty<string>()).Single().Findings;
        Assert.Equal(results.Single().Findings.Count(f => f.Id == id) - 1, after.Count(f => f.Id == id));
        Assert.Equal(results.Single().Findings.Count(f => f.Id != id), after.Count(f => f.Id != id));
        return fixedText;
    }

    [Fact]
    public void A_plain_line_gets_the_comment_at_its_end()
    {
        var yaml = "build:\n  script:\n    - echo $CI_JOB_JWT   \n";
        Assert.Equal("build:\n  script:\n    - echo $CI_JOB_JWT  # cioidclint: ignore[CIOL001]   \n", Apply(yaml, "CIOL001"));
    }

    [Fact]
    public void A_finding_inside_a_block_scalar_gets_the_comment_above_the_item_that_holds_the_block()
    {
        var yaml = "build:\n  script:\n    - echo start\n    - |\n      echo one\n      export T=$(vault write auth/jwt/login)\n";
        Assert.Equal(
            "build:\n  script:\n    - echo start\n    # cioidclint: ignore[CIOL004]\n    - |\n      echo one\n      export T=$(vault write auth/jwt/login)\n",
            Apply(yaml, "CIOL004"));
    }

    [Fact]
    public void A_block_scalar_under_a_key_gets_the_comment_above_the_key()
    {
        var yaml = "build:\n  script: >\n    echo $CI_JOB_JWT\n";
        Assert.Equal("build:\n  # cioidclint: ignore[CIOL001]\n  script: >\n    echo $CI_JOB_JWT\n", Apply(yaml, "CIOL001"));
    }

    [Fact]
    public void An_existing_suppression_comment_gets_the_id_added_to_its_list()
    {
        var atEnd = "build:\n  script:\n    - echo $CI_JOB_JWT # cioidclint: ignore[CIOL004] -- reviewed\n";
        Assert.Equal("build:\n  script:\n    - echo $CI_JOB_JWT # cioidclint: ignore[CIOL004, CIOL001] -- reviewed\n", Apply(atEnd, "CIOL001"));

        var above = "build:\n  script:\n    # cioidclint: ignore[CIOL004]\n    - |\n      echo $CI_JOB_JWT\n";
        Assert.Equal("build:\n  script:\n    # cioidclint: ignore[CIOL004, CIOL001]\n    - |\n      echo $CI_JOB_JWT\n", Apply(above, "CIOL001"));
    }

    [Fact]
    public void A_comment_that_only_looks_like_a_suppression_is_not_extended()
    {
        // Without "--" before the reason the engine does not honour it; adding the id there
        // would silence nothing, so the fix writes a comment of its own.
        var yaml = "build:\n  script:\n    - echo $CI_JOB_JWT # cioidclint: ignore[CIOL004] reviewed\n";
        Assert.Equal("build:\n  script:\n    # cioidclint: ignore[CIOL001]\n    - echo $CI_JOB_JWT # cioidclint: ignore[CIOL004] reviewed\n", Apply(yaml, "CIOL001"));

        // The engine's spelling variants are extended like any suppression.
        var tight = "build:\n  script:\n    - echo $CI_JOB_JWT #cioidclint:ignore[CIOL004]\n";
        Assert.Equal("build:\n  script:\n    - echo $CI_JOB_JWT #cioidclint:ignore[CIOL004, CIOL001]\n", Apply(tight, "CIOL001"));
    }

    [Fact]
    public void A_line_with_another_comment_keeps_it_and_gets_the_suppression_above()
    {
        var yaml = "build:\n  script:\n    - echo $CI_JOB_JWT # old login\n";
        Assert.Equal("build:\n  script:\n    # cioidclint: ignore[CIOL001]\n    - echo $CI_JOB_JWT # old login\n", Apply(yaml, "CIOL001"));
    }

    [Fact]
    public void A_hash_inside_a_quoted_scalar_is_not_a_comment_and_crlf_is_kept()
    {
        var yaml = "build:\r\n  script:\r\n    - \"echo '#' $CI_JOB_JWT\"\r\n";
        Assert.Equal("build:\r\n  script:\r\n    - \"echo '#' $CI_JOB_JWT\"  # cioidclint: ignore[CIOL001]\r\n", Apply(yaml, "CIOL001"));
    }

    [Fact]
    public void A_multi_line_quoted_scalar_gets_the_comment_above_its_item()
    {
        var yaml = "build:\n  script:\n    - \"echo $CI_JOB_JWT\n      more\"\n";
        Assert.Equal("build:\n  script:\n    # cioidclint: ignore[CIOL001]\n    - \"echo $CI_JOB_JWT\n      more\"\n", Apply(yaml, "CIOL001"));
    }
}

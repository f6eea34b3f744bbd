using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Syntax;

/// <summary>Inputs the property search found: malformed tags and an alias under a duplicate key.</summary>
public sealed class MalformedTagTests
{
    [Theory]
    [InlineData("!!strignore[CIOL013] -- kept\n  T:\n    aud: x\n")]
    [InlineData("a: !!str[x] y\n")]
    [InlineData("a: !!str{x} b\n")]
    [InlineData("a: !!str\"x b\n")]
    [InlineData("!!str{job}: x\r\n")]
    [InlineData("a: !!str\\x y\n")]
    [InlineData("a: !!s tr^x y\n")]
    [InlineData("a: !!str^x y\n")]
    public void A_tag_YamlDotNet_rejects_is_a_syntax_error_with_a_position(string yaml)
    {
        var findings = Fixing.Analyze((".gitlab-ci.yml", yaml));
        Assert.All(findings.Where(f => f.Id == "CIOL000"), f => Assert.InRange(f.Location.Span.Start, 0, yaml.Length));
    }

    [Fact]
    public void A_duplicate_key_whose_value_is_an_alias_is_reported_without_a_fix_that_would_delete_the_anchor()
    {
        var finding = Assert.Single(Fixing.Analyze((".gitlab-ci.yml", ".x: &x [echo]\njob:\n  script: *x\n  script: [make]\n")), f => f.Id == "CIOL016");
        Assert.DoesNotContain(finding.Fixes, f => f.Title.StartsWith("Remove the first", StringComparison.Ordinal) && f.Changes.SelectMany(c => c.Changes).Any(c => c.Span.Start < 14));
    }
}

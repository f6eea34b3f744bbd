using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>The YAML examples of the two GitLab pages the product started from (shared/seeds), with inline expectations.</summary>
public sealed class SeedCaseTests
{
    public static IEnumerable<object[]> Cases()
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Cases", "seeds"), "*.yml").OrderBy(p => p).Select(p => new object[] { Path.GetFileName(p) });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Seed_case_draws_exactly_the_annotated_findings(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "seeds", name));
        Annotated.Verify(text);
    }
}

using CiOidcLint.Analysis.Pipeline;

namespace CiOidcLint.Analysis.Tests.Pipeline;

/// <summary>Globs of the files setting, check --files and the analyzer's property: every string is one.</summary>
public sealed class FileGlobTests
{
    [Theory]
    [InlineData("ci/*.yml", "ci/deploy.yml", true)]
    [InlineData("ci/*.yml", "ci/sub/deploy.yml", false)]
    [InlineData("*.ci.yml", "a/b/x.ci.yml", true)]
    [InlineData("ci/[a-c].yml", "ci/b.yml", true)]
    [InlineData("ci/{a,b}.yml", "ci/b.yml", true)]
    [InlineData("ci/[].yml", "ci/[].yml", true)]
    [InlineData("ci/[!].yml", "ci/[!].yml", true)]
    [InlineData("ci/[z-a].yml", "ci/[z-a].yml", true)]
    [InlineData("ci/[z-a].yml", "ci/b.yml", false)]
    [InlineData("ci/{a,b.yml", "ci/b.yml", true)]
    public void A_pattern_matches_as_a_glob_and_one_that_makes_no_glob_matches_itself(string pattern, string path, bool matches)
        => Assert.Equal(matches, new FileGlob(pattern).IsMatch(path));

    [Fact]
    public void No_string_of_glob_characters_fails_to_construct()
    {
        var random = new Random(1234);
        const string alphabet = "[]{},!*?/\\-az.^$()|+";
        for (var i = 0; i < 20_000; i++)
        {
            var pattern = new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var exception = Record.Exception(() => new FileGlob(pattern).IsMatch("ci/a.yml"));
            Assert.True(exception is null, $"'{pattern}': {exception}");
        }
    }
}

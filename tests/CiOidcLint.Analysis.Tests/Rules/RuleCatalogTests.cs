using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Rules;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class RuleCatalogTests
{
    [Fact]
    public void Every_rule_in_the_assembly_is_in_the_catalog()
    {
        var types = typeof(IRule).Assembly.GetTypes().Where(t => typeof(IRule).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface).ToList();
        Assert.Equal(types.OrderBy(t => t.Name), RuleCatalog.All.Select(r => r.GetType()).OrderBy(t => t.Name));
        Assert.All(types, t => Assert.True(t.IsSealed, $"{t.Name} is not sealed"));
    }

    [Fact]
    public void Ids_and_names_are_unique_and_well_formed()
    {
        Assert.Equal(RuleCatalog.All.Length, RuleCatalog.All.Select(r => r.Descriptor.Id).Distinct().Count());
        Assert.Equal(RuleCatalog.All.Length, RuleCatalog.All.Select(r => r.Name).Distinct().Count());
        Assert.All(RuleCatalog.All, r =>
        {
            Assert.Matches(new Regex(@"^CIOL\d{3}$"), r.Descriptor.Id);
            Assert.Matches(new Regex(@"^[a-z]+(-[a-z]+)*$"), r.Name);
            Assert.Equal(RuleCatalog.HelpLink(r.Descriptor.Id), r.Descriptor.HelpLinkUri);
            Assert.True(Uri.TryCreate(r.Descriptor.HelpLinkUri, UriKind.Absolute, out var link), r.Descriptor.HelpLinkUri);
            Assert.Equal(Uri.UriSchemeHttps, link!.Scheme);
            Assert.EndsWith("/" + r.Descriptor.Id + ".md", link.AbsolutePath, StringComparison.Ordinal);
        });
    }

    /// <summary>
    /// Acronyms and proper nouns a title may capitalise. Any other word after the first is lower
    /// case ("ID token missing aud", not "ID Token Missing Aud"): titles show in editors beside
    /// C# analyzers' titles, which are sentence case.
    /// </summary>
    private static readonly HashSet<string> CapitalisedWords = new(StringComparer.Ordinal) { "ID", "JWT", "GCP", "CI", "OIDC", "YAML", "GitLab", "AWS", "Azure", "Vault", "Akeyless" };

    [Fact]
    public void Titles_are_in_sentence_case_without_a_period()
    {
        Assert.All(RuleCatalog.All, r => Assert.Null(SentenceCaseProblem(r.Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("ID Token Missing Aud")]
    [InlineData("Deprecated job Jwt")]
    [InlineData("DEPRECATED job JWT")]
    [InlineData("unused ID token")]
    [InlineData("Duplicate key.")]
    public void The_sentence_case_check_rejects_other_casing(string title)
        => Assert.NotNull(SentenceCaseProblem(title));

    /// <summary>Why <paramref name="title"/> is not in sentence case, or null when it is.</summary>
    private static string? SentenceCaseProblem(string title)
    {
        var words = title.Split(' ');
        if (!char.IsUpper(title[0]))
        {
            return $"'{title}' does not start with a capital letter";
        }

        if (!CapitalisedWords.Contains(words[0]) && words[0].Skip(1).Any(char.IsUpper))
        {
            return $"'{title}': the first word is neither capitalised nor a known acronym";
        }

        if (words.Skip(1).FirstOrDefault(w => !CapitalisedWords.Contains(w) && w.Any(char.IsUpper)) is { } word)
        {
            return $"'{title}': '{word}' is capitalised but is not one of the acronyms or proper nouns a title may capitalise";
        }

        return title.EndsWith('.') ? $"'{title}' ends with a period" : null;
    }

    [Fact]
    public void Messages_never_say_consider()
    {
        Assert.All(RuleCatalog.All, r => Assert.DoesNotContain("consider", r.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_release_tracking_file_lists_every_rule()
    {
        var unshipped = File.ReadAllText(Path.Combine(Corpus.CorpusLocation.RepositoryRoot, "server", "CiOidcLint.Analysis", "AnalyzerReleases.Unshipped.md"));
        Assert.All(RuleCatalog.All, r => Assert.Contains(r.Descriptor.Id + " |", unshipped));
    }

    [Fact]
    public void The_readme_lists_every_rule()
    {
        var readme = File.ReadAllText(Path.Combine(Corpus.CorpusLocation.RepositoryRoot, "README.md"));
        Assert.All(RuleCatalog.All, r => Assert.Contains($"| {r.Descriptor.Id} | {r.Name} |", readme));
    }

    [Fact]
    public void Every_rule_has_a_test_file_named_after_it()
    {
        var folder = Path.Combine(Corpus.CorpusLocation.RepositoryRoot, "tests", "CiOidcLint.Analysis.Tests", "Rules");
        Assert.All(RuleCatalog.All, rule => Assert.True(File.Exists(Path.Combine(folder, rule.GetType().Name + "Tests.cs")), $"no {rule.GetType().Name}Tests.cs for {rule.Descriptor.Id}"));
    }
}

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
            Assert.True(Uri.IsWellFormedUriString(r.Descriptor.HelpLinkUri, UriKind.Absolute));
        });
    }

    [Fact]
    public void Titles_are_in_sentence_case_without_a_period()
    {
        Assert.All(RuleCatalog.All, r =>
        {
            var title = r.Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(char.IsUpper(title[0]), title);
            Assert.DoesNotMatch(new Regex(@"\s[A-Z][a-z]"), title.Replace("ID token", "id token", StringComparison.Ordinal));
            Assert.False(title.EndsWith('.'), title);
        });
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
}

public sealed class RuleDocsTests
{
    private static string Docs => Path.Combine(Corpus.CorpusLocation.RepositoryRoot, "docs", "rules");

    [Fact]
    public void Every_rule_has_a_page_that_names_it_and_shows_a_failing_and_a_fixed_example()
    {
        Assert.All(RuleCatalog.All, r =>
        {
            var page = Path.Combine(Docs, r.Descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{page} is missing");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {r.Descriptor.Id}: {r.Name}", text, StringComparison.Ordinal);
            Assert.Contains("## Failing example", text);
            Assert.Contains("## Fixed example", text);
            Assert.EndsWith(r.Descriptor.Id + ".md", r.Descriptor.HelpLinkUri);
        });
    }

    [Fact]
    public void The_docs_index_lists_every_rule()
    {
        var index = File.ReadAllText(Path.Combine(Docs, "README.md"));
        Assert.All(RuleCatalog.All, r => Assert.Contains($"[{r.Descriptor.Id}]({r.Descriptor.Id}.md) | {r.Name} |", index));
    }
}

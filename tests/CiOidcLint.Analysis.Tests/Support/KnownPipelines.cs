using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Tests.Corpus;

namespace CiOidcLint.Analysis.Tests.Support;

/// <summary>The pipelines the repository itself holds: the rule pages' YAML examples and the seed cases.</summary>
public static class KnownPipelines
{
    public static IEnumerable<(string Name, string Text)> Examples()
    {
        var docs = Path.Combine(CorpusLocation.RepositoryRoot, "docs", "rules");
        foreach (var page in Directory.GetFiles(docs, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            var i = 0;
            foreach (Match block in Regex.Matches(File.ReadAllText(page), "```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline))
            {
                yield return ($"{Path.GetFileName(page)} example {++i}", block.Groups["yaml"].Value);
            }
        }

        var cases = Path.Combine(CorpusLocation.RepositoryRoot, "tests", "CiOidcLint.Analysis.Tests", "Cases");
        foreach (var file in Directory.GetFiles(cases, "*.yml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(file), File.ReadAllText(file));
        }
    }
}

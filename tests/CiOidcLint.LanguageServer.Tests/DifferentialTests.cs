using System.Text;
using System.Text.RegularExpressions;

namespace CiOidcLint.LanguageServer.Tests;

/// <summary>
/// The server against itself: random sequences of incremental edits (inserts, deletes,
/// multi-line and non-ASCII text) on real pipelines, from fixed seeds; after each sequence, the
/// diagnostics it published equal those a fresh server publishes for the final text.
/// </summary>
public sealed class DifferentialTests
{
    private static readonly string[] Palette =
    {
        "\n", "  ", "- ", ": ", "#", "é", "\U0001D11E", "\"", "'", "$CI_JOB_JWT", "${VAULT_ID_TOKEN}", "export X=$(vault write auth/jwt/login) ",
        "\n  script:\n    - echo $T > t.txt\n", "\n  id_tokens:\n    T:\n      aud: x\n", "&& ", "\\", "|", ">", "{", "}", "[", "]", "!reference [.a, b]",
        "job2:\n  script: [x]\n", "\t",
    };

    [Fact]
    public async Task After_random_incremental_edits_the_diagnostics_equal_a_fresh_analysis_of_the_final_text()
    {
        var seeds = Seeds();
        for (var sequence = 0; sequence < 40; sequence++)
        {
            var random = new Random(20261205 + sequence);
            var text = seeds[random.Next(seeds.Count)];
            await using var session = await Session.StartAsync();
            var uri = await session.OpenAsync(".gitlab-ci.yml", text);
            var version = 1;
            var log = new StringBuilder();
            for (var edit = 0; edit < 25; edit++)
            {
                var (start, end) = (Boundary(text, random.Next(text.Length + 1)), 0);
                end = Boundary(text, Math.Min(text.Length, start + (random.Next(3) == 0 ? random.Next(40) : 0)));
                var inserted = random.Next(4) == 0 ? string.Empty : Palette[random.Next(Palette.Length)];
                var (startLine, startCharacter) = Position(text, start);
                var (endLine, endCharacter) = Position(text, end);
                version = await session.ChangeAsync(uri, startLine, startCharacter, endLine, endCharacter, inserted);
                text = text.Substring(0, start) + inserted + text.Substring(end);
                log.Append($"[{startLine}:{startCharacter}-{endLine}:{endCharacter} '{inserted.Replace("\n", "\\n")}'] ");
            }

            var edited = Describe(await session.Client.WaitForDiagnosticsAsync(uri, version: version));
            await using var fresh = await Session.StartAsync();
            var freshUri = await fresh.OpenAsync(".gitlab-ci.yml", text);
            var expected = Describe(await fresh.Client.WaitForDiagnosticsAsync(freshUri, version: 1));
            Assert.True(
                expected.SequenceEqual(edited),
                $"sequence {sequence}: after the edits {log}\nexpected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", edited)}\nfinal text:\n{text}");
        }
    }

    private static List<string> Describe(JsonArray diagnostics)
        => diagnostics.Select(d =>
        {
            var range = d!["range"]!;
            return $"{range["start"]!["line"]}:{range["start"]!["character"]}-{range["end"]!["line"]}:{range["end"]!["character"]} {d["severity"]} {d["code"]} {d["message"]}";
        }).OrderBy(x => x, StringComparer.Ordinal).ToList();

    /// <summary>An offset that does not split a surrogate pair.</summary>
    private static int Boundary(string text, int offset)
        => offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) ? offset - 1 : offset;

    /// <summary>An LSP position (line, UTF-16 character) of an offset; the seeds and the palette break lines with LF only.</summary>
    private static (int Line, int Character) Position(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    /// <summary>The rule pages' YAML examples, with LF line breaks.</summary>
    private static List<string> Seeds()
    {
        var seeds = new List<string>();
        foreach (var page in Directory.GetFiles(Path.Combine(ServerProcess.RepositoryRoot, "docs", "rules"), "CIOL0*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            foreach (Match block in Regex.Matches(File.ReadAllText(page).Replace("\r\n", "\n"), "```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline))
            {
                seeds.Add(block.Groups["yaml"].Value);
            }
        }

        return seeds;
    }
}

using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace CiOidcLint.Analysis.Tests.Support;

/// <summary>
/// A rule page (<c>docs/rules/CIOL0NN.md</c>) read the way the docs tests need it: its lines,
/// its <c>## </c> sections, and the fenced code blocks of each section with the prose before them.
/// </summary>
public sealed class RulePage
{
    private static readonly Regex Fence = new(@"^```(?<info>.*)$", RegexOptions.CultureInvariant);

    private RulePage(string text, ImmutableArray<Section> sections)
    {
        Text = text;
        Sections = sections;
    }

    public string Text { get; }

    public string FirstLine => Text.Split('\n')[0].TrimEnd('\r');

    public ImmutableArray<Section> Sections { get; }

    public Section? this[string heading] => Sections.FirstOrDefault(s => s.Heading == heading);

    public static RulePage Read(string path) => Parse(File.ReadAllText(path));

    public static RulePage Parse(string text)
    {
        var sections = ImmutableArray.CreateBuilder<Section>();
        string? heading = null;
        var prose = new List<string>();
        var body = new List<string>();
        var blocks = ImmutableArray.CreateBuilder<CodeBlock>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        void Close()
        {
            if (heading is not null)
            {
                sections.Add(new Section(heading, string.Join("\n", body), blocks.ToImmutable()));
            }

            body.Clear();
            blocks.Clear();
            prose.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Close();
                heading = line.Substring(3).Trim();
                continue;
            }

            body.Add(line);
            var fence = Fence.Match(line);
            if (!fence.Success)
            {
                prose.Add(line);
                continue;
            }

            var info = fence.Groups["info"].Value.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            var content = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                content.Add(lines[i]);
                body.Add(lines[i]);
            }

            body.Add("```");
            blocks.Add(new CodeBlock(
                info.Length > 0 ? info[0] : string.Empty,
                info.Length > 1 ? info[1].Trim() : null,
                string.Join("\n", content) + "\n",
                string.Join("\n", prose)));
            prose.Clear();
        }

        Close();
        return new RulePage(text, sections.ToImmutable());
    }

    /// <summary>One <c>## </c> section: its text (code blocks included) and its code blocks in order.</summary>
    public sealed record Section(string Heading, string Body, ImmutableArray<CodeBlock> Blocks)
    {
        /// <summary>
        /// The section's examples: each <c>```yaml</c> block is a <c>.gitlab-ci.yml</c>; a block
        /// written <c>```yaml path/file.yml</c> is another file of the example before it; the
        /// <c>```text</c> blocks after an example belong to it.
        /// </summary>
        public ImmutableArray<Example> Examples()
        {
            var examples = new List<Example>();
            foreach (var block in Blocks)
            {
                if (block.Language == "yaml" && block.Path is null)
                {
                    examples.Add(new Example(block, ImmutableArray<CodeBlock>.Empty, ImmutableArray<CodeBlock>.Empty));
                }
                else if (block.Language == "yaml" && examples.Count > 0)
                {
                    examples[^1] = examples[^1] with { OtherFiles = examples[^1].OtherFiles.Add(block) };
                }
                else if (block.Language == "text" && examples.Count > 0)
                {
                    examples[^1] = examples[^1] with { Output = examples[^1].Output.Add(block) };
                }
                else if (block.Language == "yaml")
                {
                    throw new Xunit.Sdk.XunitException($"'{Heading}': the file {block.Path} comes before the pipeline it belongs to");
                }
            }

            return examples.ToImmutableArray();
        }
    }

    /// <summary>A fenced block: its language, an optional file path after it, its text, and the prose since the previous block.</summary>
    public sealed record CodeBlock(string Language, string? Path, string Content, string ProseBefore);

    /// <summary>A pipeline shown on a page: its <c>.gitlab-ci.yml</c>, other files, and the output shown for it.</summary>
    public sealed record Example(CodeBlock Pipeline, ImmutableArray<CodeBlock> OtherFiles, ImmutableArray<CodeBlock> Output)
    {
        public (string Path, string Text)[] Files
            => new[] { (Workspace.RepositoryAnalysis.RootPipelinePath, Pipeline.Content) }
                .Concat(OtherFiles.Select(f => (f.Path!, f.Content)))
                .ToArray();
    }
}

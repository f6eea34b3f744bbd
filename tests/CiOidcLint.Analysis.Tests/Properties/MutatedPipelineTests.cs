using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Corpus;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;
using CsCheck;

namespace CiOidcLint.Analysis.Tests.Properties;

/// <summary>
/// Searches for failures: real pipelines (the rule pages' examples, the seed cases, and the shared
/// corpus where it is present) mutated at byte and structure level, then analysed as a repository.
/// No input may throw, and none may take long. The inputs come from CsCheck generators drawn from
/// fixed PCG seeds, so a CI run is repeatable and a failure names the seed that replays it.
/// 10,000 inputs per run; <c>CIOIDCLINT_PROPERTY_ITERATIONS</c> asks for more.
/// </summary>
public sealed class MutatedPipelineTests
{
    /// <summary>Far above any real pipeline's analysis time: an input past it hangs, it is not slow.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("CIOIDCLINT_PROPERTY_ITERATIONS"), out var n) && n > 0 ? n : 10_000;

    private static readonly string[] Specials =
    {
        "\t", "\r", "\n", "\r\n", "\uFEFF", "\0", "\"", "'", ":", ": ", "- ", "[", "]", "{", "}", "&a", "*a", "!reference", "!!str",
        "|", ">", "#", "$", "${", "$(", "`", "\\", " ", "\uD800", "\uDFFF", "é", "\U0001D11E", "<<: *a", "%TEMP%", "$env:", "\u2028",
        "${{ job.inputs.x }}", "$[[ inputs.x ]]", "\"\"\"", "<<EOF", "EOF", "@\"", "\"@",
    };

    private static readonly string[] Snippets =
    {
        "include: ci/a.yml",
        "include:\n  - local: ci/a.yml\n    rules:\n      - if: $CI_COMMIT_BRANCH",
        "include: {project: acme/ci, file: x.yml}",
        ".t:\n  id_tokens:\n    T:\n      aud: https://x.invalid\n  secrets:\n    S:\n      vault: a/b@c",
        "job2:\n  extends: [.t, job2]\n  script: [echo $T > t.txt]\n  artifacts: {paths: ['*.txt']}",
        "workflow:\n  rules:\n    - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"\n    - when: never",
        "  rules:\n    - if: ($CI_COMMIT_BRANCH == \"main\" || $X) && $Y =~ /a.+/i\n      when: never",
        "  needs: [nothing]",
        "  script:\n    - !reference [.t, script]\n    - export A=$(vault write auth/jwt/login) > a.env",
        "  tags: [windows]\n  script:\n    - $env:T | Out-File t.txt; Write-Host \"$($r.auth.client_token)\"",
        "default:\n  id_tokens: {D: {aud: x}}",
        "x: &a [*a]",
        "  <<: *anchor",
    };

    private static readonly Lazy<string[]> Seeds = new(LoadSeeds);

    /// <summary>One change to a text.</summary>
    private sealed record Mutation(string Name, Func<string, string> Apply)
    {
        public override string ToString() => Name;
    }

    private static readonly Gen<Mutation> Mutations = Gen.OneOf(
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, Specials.Length - 1].Select(k => Specials[k]), (at, s) => new Mutation($"insert {Escape(s)} at {at:F3}", t => t.Insert(At(t, at), s))),
        Gen.Select(Gen.Double[0, 1], Gen.Int[1, 200], (at, length) => new Mutation($"delete {length} at {at:F3}", t => Delete(t, at, length))),
        Gen.Select(Gen.Double[0, 1], Gen.Int[1, 400], Gen.Double[0, 1], (at, length, to) => new Mutation($"copy {length} from {at:F3} to {to:F3}", t => Copy(t, at, length, to))),
        Gen.Double[0, 1].Select(at => new Mutation($"truncate at {at:F3}", t => t.Substring(0, At(t, at)))),
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, Snippets.Length - 1].Select(k => Snippets[k]), (at, s) => new Mutation($"snippet {Escape(s)} at line {at:F3}", t => InsertLine(t, at, s))),
        Gen.Int[2, 400].Select(depth => new Mutation($"nest {depth} deep", t => t + "\ndeep: " + new string('[', depth) + "x" + new string(']', depth) + "\n")),
        Gen.Int[2, 400].Select(depth => new Mutation($"block-nest {depth} deep", t => t + "\n" + BlockNest(depth))),
        Gen.Int[2, 40].Select(links => new Mutation($"alias chain of {links}", t => t + "\n" + AliasChain(links))),
        Gen.Int[1_000, 200_000].Select(length => new Mutation($"scalar of {length}", t => t + "\nhuge:\n  script:\n    - \"" + new string('x', length) + "\"\n")),
        Gen.Const(new Mutation("tabs for indentation", t => Regex.Replace(t, "(?m)^  ", "\t"))),
        Gen.Const(new Mutation("lone CRs", t => t.Replace("\n", "\r"))),
        Gen.Const(new Mutation("CRLF", t => t.Replace("\n", "\r\n"))),
        Gen.Const(new Mutation("BOM", t => "\uFEFF" + t)),
        Gen.Double[0, 1].Select(at => new Mutation($"lone surrogate at {at:F3}", t => t.Insert(At(t, at), "\uDC00"))));

    private static readonly Gen<(int Seed, int Second, Mutation[] Root, Mutation[] Included)> Inputs =
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Mutations.Array[1, 4], Mutations.Array[0, 2]);

    [Fact]
    public void Mutated_pipelines_are_analysed_without_an_exception_in_bounded_time()
    {
        var seeds = Seeds.Value;
        Assert.NotEmpty(seeds);
        var failures = new ConcurrentBag<string>();
        var slowest = TimeSpan.Zero;
        var gate = new object();
        Parallel.For(0, Iterations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (failure, elapsed) = Run(seeds, i);
            lock (gate)
            {
                slowest = elapsed > slowest ? elapsed : slowest;
            }

            if (failure is not null)
            {
                failures.Add(failure);
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Iterations} inputs failed (slowest {slowest.TotalMilliseconds:F0} ms):\n" + string.Join("\n\n", failures.Take(5)));
    }

    /// <summary>Inputs the search once failed on, replayed from their seeds (the run's numbering).</summary>
    [Theory]
    [InlineData(55895)] // a duplicate key whose value is an alias: CIOL016's fix took the anchor's lines
    [InlineData(61354)]
    [InlineData(74644)] // a tag YamlDotNet rejects with an ArgumentException, not a YamlException
    [InlineData(77315)]
    [InlineData(81379)]
    public void Inputs_that_once_failed_are_analysed(int input)
    {
        var (failure, _) = Run(Seeds.Value, input);
        Assert.Null(failure);
    }

    /// <summary>Generates input <paramref name="i"/> and analyses it: a failure's description, or null.</summary>
    private static (string? Failure, TimeSpan Elapsed) Run(string[] seeds, int i)
    {
        var (root, included, described) = Materialize(seeds, i);
        var watch = Stopwatch.StartNew();
        try
        {
            var fileSystem = new InMemoryFileSystem();
            fileSystem.Add(RepositoryAnalysis.RootPipelinePath, root);
            fileSystem.Add("ci/a.yml", included);
            foreach (var result in new RepositoryAnalysis(fileSystem).Analyze(new[] { "ci/a.yml" }))
            {
                foreach (var finding in result.Findings)
                {
                    // Every finding must have a message and a place that exists in its file.
                    _ = finding.Message;
                    _ = finding.Location.LineSpan;
                }

                // What show, the hovers and the code lenses print, from the same composition.
                _ = EffectiveJobWriter.Write(result.Pipeline.Jobs);
                foreach (var job in result.Pipeline.Jobs)
                {
                    _ = JobCredentials.Of(job).Summary;
                }
            }
        }
        catch (Exception e)
        {
            return ($"{described}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}", watch.Elapsed);
        }

        return (watch.Elapsed > Bound ? $"{described} took {watch.Elapsed.TotalSeconds:F1} s" : null, watch.Elapsed);
    }

    /// <summary>Input <paramref name="i"/>: the root pipeline, the file it may include, and how they were made.</summary>
    internal static (string Root, string Included, string Described) Materialize(string[] seeds, int i)
    {
        var (seed, second, rootMutations, includedMutations) = Inputs.Generate(new PCG(0x5EED, (ulong)i), null, out _);
        var root = rootMutations.Aggregate(seeds[seed % seeds.Length], (text, m) => m.Apply(text));
        var included = includedMutations.Aggregate(seeds[second % seeds.Length], (text, m) => m.Apply(text));
        return (root, included, $"input #{i} (seed file {seed % seeds.Length}, {string.Join("; ", rootMutations.Select(m => m.Name))} | {string.Join("; ", includedMutations.Select(m => m.Name))})");
    }

    internal static string[] SeedTexts => Seeds.Value;

    /// <summary>Bytes that are not UTF-8, read from disk as the CLI and the server read files.</summary>
    [Fact]
    public void Files_with_invalid_utf8_are_read_and_analysed_without_an_exception()
    {
        var seeds = Seeds.Value;
        var folder = Directory.CreateTempSubdirectory("cioidclint-bytes-");
        try
        {
            var bytes = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Select(Gen.Double[0, 1], Gen.Byte).Array[1, 8]);
            for (var i = 0; i < Math.Max(200, Iterations / 50); i++)
            {
                var (seed, inserts) = bytes.Generate(new PCG(0xB17E, (ulong)i), null, out _);
                var content = new List<byte>(Encoding.UTF8.GetBytes(seeds[seed % seeds.Length]));
                foreach (var (at, value) in inserts)
                {
                    content.Insert((int)(at * content.Count), value);
                }

                File.WriteAllBytes(Path.Combine(folder.FullName, ".gitlab-ci.yml"), content.ToArray());
                var exception = Record.Exception(() => new RepositoryAnalysis(new PhysicalFileSystem(folder.FullName)).Analyze(Array.Empty<string>()).SelectMany(r => r.Findings).ToList());
                Assert.True(exception is null, $"input #{i}: {exception}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int At(string text, double at) => Math.Clamp((int)(at * text.Length), 0, text.Length);

    private static string Delete(string text, double at, int length)
    {
        var start = At(text, at);
        return text.Remove(start, Math.Min(length, text.Length - start));
    }

    private static string Copy(string text, double at, int length, double to)
    {
        var start = At(text, at);
        var piece = text.Substring(start, Math.Min(length, text.Length - start));
        return text.Insert(At(text, to), piece);
    }

    private static string InsertLine(string text, double at, string snippet)
    {
        var lines = text.Split('\n').ToList();
        lines.Insert(Math.Clamp((int)(at * lines.Count), 0, lines.Count), snippet);
        return string.Join("\n", lines);
    }

    private static string BlockNest(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append(' ', i).Append("k").Append(i).Append(":\n");
        }

        return builder.ToString();
    }

    private static string AliasChain(int links)
    {
        var builder = new StringBuilder("l0: &l0 [x, x]\n");
        for (var i = 1; i < links; i++)
        {
            builder.Append($"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]\n");
        }

        return builder.Append($"job:\n  script: *l{links - 1}\n").ToString();
    }

    private static string Escape(string text) => text.Length > 24 ? text.Substring(0, 24).Replace("\n", "\\n") + "…" : text.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");

    /// <summary>The rule pages' YAML examples and the seed cases, and the corpus's pipelines where it is present.</summary>
    private static string[] LoadSeeds()
    {
        var seeds = KnownPipelines.Examples().Select(p => p.Text).ToList();
        if (CorpusLocation.Exists)
        {
            foreach (var group in new[] { "realworld", "gitlab-schema-tests" })
            {
                var folder = Path.Combine(CorpusLocation.Corpus, group);
                if (Directory.Exists(folder))
                {
                    seeds.AddRange(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                        .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".txt", StringComparison.Ordinal) && !f.EndsWith(".tsv", StringComparison.Ordinal) && new FileInfo(f).Length < 200_000)
                        .OrderBy(f => f, StringComparer.Ordinal)
                        .Select(File.ReadAllText));
                }
            }
        }

        return seeds.ToArray();
    }
}

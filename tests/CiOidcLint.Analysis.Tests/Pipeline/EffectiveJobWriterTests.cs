using System.Collections.Immutable;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.Analysis.Tests.Corpus;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;
using YamlDotNet.RepresentationModel;
using YamlNode = CiOidcLint.Analysis.Syntax.YamlNode;
using YamlScalar = CiOidcLint.Analysis.Syntax.YamlScalar;

namespace CiOidcLint.Analysis.Tests.Pipeline;

/// <summary>The effective job as <c>cioidclint show</c> and the editor print it: GitLab's composition, with where each key came from.</summary>
public sealed class EffectiveJobWriterTests
{
    private const string Root = """
        include:
          - local: ci/vault.yml
        default:
          id_tokens:
            SIGSTORE_ID_TOKEN:
              aud: sigstore
          image: alpine:3.20
        .shared: &shared
          tags: [docker, "linux"]
        deploy:
          extends: .vault-login
          <<: *shared
          stage: deploy
          script:
            - !reference [.vault-login, script]
            - ./deploy.sh "$VAULT_TOKEN"
          secrets:
            DB_PASSWORD:
              vault: db/prod/password@secret
              token: $VAULT_ID_TOKEN
        sign:
          inherit:
            default: [id_tokens]
          variables:
            COUNT: 3
            QUOTED: "3"
            MESSAGE: "a: b # c"
          script: [cosign sign]

        """;

    private const string Vault = """
        .vault-login:
          id_tokens:
            VAULT_ID_TOKEN:
              aud: https://vault.example.com
          script:
            - export VAULT_TOKEN="$(vault write -field=token auth/jwt/login role=app jwt=$VAULT_ID_TOKEN)"

        """;

    [Fact]
    public void Every_key_says_where_it_came_from_and_through_which_template_or_default()
    {
        var pipeline = Pipelines.Build((".gitlab-ci.yml", Root), ("ci/vault.yml", Vault));
        var text = EffectiveJobWriter.Write(pipeline.ConcreteJobs);
        Assert.Equal(
            """
            deploy:  # from .gitlab-ci.yml:10; extends .vault-login; default: image
              id_tokens:  # from ci/vault.yml:2 (.vault-login)
                VAULT_ID_TOKEN:  # from ci/vault.yml:3 (.vault-login)
                  aud: https://vault.example.com  # from ci/vault.yml:4 (.vault-login)
              script:  # from .gitlab-ci.yml:14
                - export VAULT_TOKEN="$(vault write -field=token auth/jwt/login role=app jwt=$VAULT_ID_TOKEN)"  # from ci/vault.yml:6 (.vault-login)
                - ./deploy.sh "$VAULT_TOKEN"
              extends: .vault-login  # from .gitlab-ci.yml:11
              tags:  # from .gitlab-ci.yml:9 (.shared)
                - docker
                - linux
              stage: deploy  # from .gitlab-ci.yml:13
              secrets:  # from .gitlab-ci.yml:17
                DB_PASSWORD:  # from .gitlab-ci.yml:18
                  vault: db/prod/password@secret  # from .gitlab-ci.yml:19
                  token: $VAULT_ID_TOKEN  # from .gitlab-ci.yml:20
              image: alpine:3.20  # from .gitlab-ci.yml:7 (default)

            sign:  # from .gitlab-ci.yml:21; default: id_tokens
              inherit:  # from .gitlab-ci.yml:22
                default:  # from .gitlab-ci.yml:23
                  - id_tokens
              variables:  # from .gitlab-ci.yml:24
                COUNT: 3  # from .gitlab-ci.yml:25
                QUOTED: "3"  # from .gitlab-ci.yml:26
                MESSAGE: "a: b # c"  # from .gitlab-ci.yml:27
              script:  # from .gitlab-ci.yml:28
                - cosign sign
              id_tokens:  # from .gitlab-ci.yml:4 (default)
                SIGSTORE_ID_TOKEN:  # from .gitlab-ci.yml:5 (default)
                  aud: sigstore  # from .gitlab-ci.yml:6 (default)

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Strings_that_a_yaml_1_1_reader_would_take_for_dates_numbers_or_booleans_stay_strings()
    {
        var pipeline = Pipelines.Build((".gitlab-ci.yml", "job:\n  script: [x]\n  variables:\n    DATE: \"2024-01-01\"\n    PLAIN_DATE: 2024-01-01\n    SEXA: \"1:30\"\n    STR: !!str yes\n    INT: !!int \"7\"\n    ODD: \"a\\uFFFEb\"\n"));
        var lines = EffectiveJobWriter.Write(pipeline.FindJob("job")!).Split('\n').Select(l => l.Split("  # from")[0].Trim()).ToList();
        Assert.Contains("DATE: \"2024-01-01\"", lines);
        Assert.Contains("PLAIN_DATE: 2024-01-01", lines);
        Assert.Contains("SEXA: \"1:30\"", lines);
        Assert.Contains("STR: \"yes\"", lines);
        Assert.Contains("INT: !!int \"7\"", lines);
        Assert.Contains("ODD: \"a\\uFFFEb\"", lines);
    }

    [Fact]
    public void Nested_aliases_are_cut_with_a_note_instead_of_printing_without_end()
    {
        var laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}]\n"))
            + "job:\n  script: [x]\n  variables:\n    V: *g\n";
        var pipeline = Pipelines.Build((".gitlab-ci.yml", laughs));
        var text = EffectiveJobWriter.Write(pipeline.Jobs);
        Assert.EndsWith($"# … cut here: more than {EffectiveJobWriter.MaxLines} lines (nested YAML aliases?)\n", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The printed YAML reads back to the same values and types as the job GitLab composes, for
    /// every job of every corpus pipeline: quoting, keys, nesting and script flattening are right.
    /// </summary>
    [SkippableFact]
    public void The_text_reads_back_as_the_effective_job_for_every_corpus_pipeline()
    {
        Skip.IfNot(CorpusLocation.Exists, CorpusLocation.SkipMessage);
        var root = CorpusLocation.Corpus;
        var analysis = new RepositoryAnalysis(new PhysicalFileSystem(root));
        var jobs = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.yml", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (analysis.Compose(path) is not { } pipeline || pipeline.Root.Problems.Any(p => p.Kind != SyntaxProblemKind.DuplicateKey))
            {
                continue;
            }

            foreach (var job in pipeline.Jobs)
            {
                var text = EffectiveJobWriter.Write(job);
                if (text.Contains("# … cut here", StringComparison.Ordinal))
                {
                    continue;
                }

                var stream = new YamlStream();
                var exception = Record.Exception(() => stream.Load(new StringReader(text)));
                Assert.True(exception is null, $"{path} job '{job.Name}': {exception?.Message}\n{text}");
                var printed = (YamlMappingNode)stream.Documents[0].RootNode;
                var (key, value) = Assert.Single(printed.Children);
                Assert.Equal(job.Name, ((YamlScalarNode)key).Value);
                Assert.True(Tree(job.Effective, isJob: true) == Tree(value, isJob: true), $"{path} job '{job.Name}' reads back differently:\n{text}");
                jobs++;
            }
        }

        Assert.True(jobs > 1000, $"only {jobs} jobs were read back");
    }

    /// <summary>A node as data: scalars with their type (a plain number is not the string "3"), scripts, rules and needs flattened.</summary>
    private static string Tree(YamlNode node, bool isJob = false) => node switch
    {
        YamlScalar s => s.IsNull ? "~" : (s.IsNonString ? "#" : "'") + s.Value,
        YamlMapping m => "{" + string.Join(",", m.Entries.Select(e => Escape(e.Name) + ":" + Tree(isJob && (GitLabKeywords.ScriptSections.Contains(e.Name) || e.Name is "rules" or "needs") && e.Value is YamlSequence { IsReference: false } q ? Flat(q) : e.Value))) + "}",
        YamlSequence q => "[" + string.Join(",", q.Items.Select(i => Tree(i))) + "]",
        _ => "?",
    };

    private static YamlSequence Flat(YamlSequence sequence)
    {
        var items = new List<YamlNode>();
        void Add(YamlSequence s, int depth)
        {
            foreach (var item in s.Items)
            {
                if (item is YamlSequence { IsReference: false } nested && depth < 10)
                {
                    Add(nested, depth + 1);
                }
                else
                {
                    items.Add(item);
                }
            }
        }

        Add(sequence, 0);
        return YamlSequence.Compose(sequence, items.ToImmutableArray());
    }

    private static string Tree(YamlDotNet.RepresentationModel.YamlNode node, bool isJob = false) => node switch
    {
        YamlScalarNode s when s.Style is YamlDotNet.Core.ScalarStyle.Plain && s.Value is "" or "~" or "null" or "Null" or "NULL" => "~",
        YamlScalarNode s => (s.Style is YamlDotNet.Core.ScalarStyle.Plain && PlainScalarTypes.IsNonString(s.Value ?? string.Empty) ? "#" : "'") + s.Value,
        YamlMappingNode m => "{" + string.Join(",", m.Children.Select(e => Escape(((YamlScalarNode)e.Key).Value ?? string.Empty) + ":" + Tree(e.Value))) + "}",
        YamlSequenceNode q => "[" + string.Join(",", q.Children.Select(i => Tree(i))) + "]",
        _ => "?",
    };

    private static string Escape(string key) => key.Replace("\\", "\\\\").Replace(":", "\\:").Replace(",", "\\,");
}

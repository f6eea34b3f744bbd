using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Syntax;

/// <summary>
/// What an editor sends while someone types: every prefix of real pipelines, and random edits
/// of them. The whole engine must answer each without an exception.
/// </summary>
public sealed class TruncationFuzzTests
{
    private static readonly string[] Pipelines = Directory
        .GetFiles(Path.Combine(AppContext.BaseDirectory, "Cases", "seeds"), "*.yml")
        .Select(File.ReadAllText)
        .Append("""
            include:
              - local: ci/*.yml
              - project: g/p
                file: [a.yml, b.yml]
            .base: &base
              id_tokens:
                VAULT_ID_TOKEN: { aud: "https://vault.example.org" }
              secrets:
                DB: { vault: { engine: { name: kv-v2, path: kv }, path: db, field: pw }, token: $VAULT_ID_TOKEN }
            job:
              <<: *base
              extends: [.base, .other]
              script:
                - !reference [.base, script]
                - |
                  export T=$(vault write -field=token auth/jwt/login jwt="${VAULT_ID_TOKEN}")
                  cat <<EOF
                  $T
                  EOF
                - >-
                  curl --fail
                    --header "x: $CI_JOB_JWT_V2"
            ---
            other: "unterminated
            """)
        .ToArray();

    private static void AnalyzeWithoutException(string text)
    {
        var fileSystem = new InMemoryFileSystem().Add(".gitlab-ci.yml", text).Add("ci/a.yml", "a:\n  script: [x]\n");
        var exception = Record.Exception(() => new RepositoryAnalysis(fileSystem).Analyze(Array.Empty<string>()));
        Assert.True(exception is null, $"input:\n{text}\n---\n{exception}");
    }

    [Fact]
    public void Every_prefix_of_a_pipeline_is_analysed()
    {
        foreach (var pipeline in Pipelines)
        {
            for (var length = 0; length <= pipeline.Length; length++)
            {
                AnalyzeWithoutException(pipeline.Substring(0, length));
            }
        }
    }

    [Fact]
    public void Random_edits_of_a_pipeline_are_analysed()
    {
        var random = new Random(20261122);
        const string alphabet = " \t\n\r:-[]{}'\"|>&*!#$()`\\,?%@aZ0";
        foreach (var pipeline in Pipelines)
        {
            for (var i = 0; i < 300; i++)
            {
                var chars = pipeline.ToCharArray().ToList();
                for (var edits = random.Next(1, 6); edits > 0 && chars.Count > 0; edits--)
                {
                    var at = random.Next(chars.Count);
                    switch (random.Next(3))
                    {
                        case 0: chars.RemoveAt(at); break;
                        case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                        default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                    }
                }

                AnalyzeWithoutException(new string(chars.ToArray()));
            }
        }
    }
}

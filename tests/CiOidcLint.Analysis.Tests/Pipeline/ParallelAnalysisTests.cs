using System.Text;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Pipeline;

public sealed class ParallelAnalysisTests
{
    /// <summary>
    /// Jobs in different slices share templates, some with one token (a shared fix) and some
    /// with two (the fix differs by job, so none is kept): threads must not change the result.
    /// </summary>
    [Fact]
    public void Several_threads_find_exactly_what_one_thread_finds()
    {
        var yaml = new StringBuilder();
        yaml.Append(".login:\n  before_script:\n    - vault login $CI_JOB_JWT\n    - export T=$(vault read -field=x secret/y)\n");
        yaml.Append(".one:\n  id_tokens:\n    ONE: {aud: https://a.acme.internal}\n");
        for (var i = 0; i < 200; i++)
        {
            yaml.Append($"job-{i}:\n  extends: [.login, .one]\n");
            if (i >= 195)
            {
                yaml.Append($"  id_tokens:\n    EXTRA_{i}: {{aud: https://b.acme.internal}}\n");
            }

            yaml.Append($"  secrets:\n    S{i}:\n      vault: a/b@c\n  script:\n    - cd d{i} && make\n    - echo $ONE\n");
        }

        var pipeline = Pipelines.Build((".gitlab-ci.yml", yaml.ToString()));
        static IEnumerable<string> Describe(IEnumerable<Finding> findings)
            => findings.Select(f => $"{f.Id} {f.Location} {f.Message} [{string.Join(" | ", f.Fixes.Select(x => x.Title + (x.IsPreferred ? "*" : string.Empty)))}]");

        var one = Describe(new PipelineAnalyzer { MaxParallelism = 1 }.Analyze(pipeline)).ToList();
        var many = Describe(new PipelineAnalyzer { MaxParallelism = 4 }.Analyze(pipeline)).ToList();
        Assert.Equal(one, many);
        Assert.Contains(one, f => f.StartsWith("CIOL001 ", StringComparison.Ordinal) && f.Contains("and 195 more", StringComparison.Ordinal) && f.EndsWith("[]", StringComparison.Ordinal));
        Assert.Contains(one, f => f.StartsWith("CIOL004 ", StringComparison.Ordinal) && f.Contains("[Assign T first, then export it*]", StringComparison.Ordinal));
    }
}

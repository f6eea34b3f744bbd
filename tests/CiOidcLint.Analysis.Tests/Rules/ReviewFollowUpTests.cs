using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>Cases a review of the rule pages turned up.</summary>
public sealed class ReviewFollowUpTests
{
    private static List<string> Ids(string yaml) => Fixing.Analyze((".gitlab-ci.yml", yaml)).Select(f => f.Id).ToList();

    [Fact]
    public void CIOL009_a_kept_break_inside_an_open_substitution_still_cuts_the_command()
    {
        const string yaml = "job:\n  script:\n    - >\n      OUT=$(aws sts assume-role-with-web-identity\n        --role-arn \"$ROLE\")\n";
        Assert.Contains("CIOL009", Ids(yaml));
        Assert.DoesNotContain("CIOL009", Ids("job:\n  script:\n    - >\n      echo \"a\n        b\"\n"));
    }

    [Fact]
    public void CIOL006_leaves_component_inputs_alone()
        => Assert.DoesNotContain("CIOL006", Ids("job:\n  id_tokens:\n    T: {aud: https://a.acme.internal}\n  secrets:\n    DB:\n      vault: a/b@c\n      token: $[[ inputs.token ]]\n  script: [echo $T]\n"));

    [Fact]
    public void CIOL005_fix_points_every_secret_of_the_job_at_the_new_token()
    {
        const string yaml = "job:\n  secrets:\n    A:\n      vault: a/b@c\n    B:\n      vault: d/e@f\n      token: $OLD_TOKEN\n  script: [make]\n";
        var files = new InMemoryFileSystem();
        files.Add(".gitlab-ci.yml", yaml);
        var result = FixLoop.Run(files, fs => new RepositoryAnalysis(fs).Analyze(Array.Empty<string>()).SelectMany(r => r.Findings));
        var text = result.Files.ReadFile(".gitlab-ci.yml")!.ToString();
        Assert.Equal(
            "job:\n  id_tokens:\n    GITLAB_OIDC_TOKEN:\n      aud: $CI_SERVER_URL\n  secrets:\n    A:\n      token: $GITLAB_OIDC_TOKEN\n      vault: a/b@c\n    B:\n      vault: d/e@f\n      token: $GITLAB_OIDC_TOKEN\n  script: [make]\n",
            text);
        Assert.Empty(Fixing.Analyze((".gitlab-ci.yml", text)).Where(f => f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void CIOL001_in_rules_is_reported_without_a_fix()
    {
        const string yaml = "job:\n  rules:\n    - if: $CI_JOB_JWT\n  script: [echo]\n";
        Assert.Empty(Fixing.Offered(yaml, "CIOL001"));
    }

    [Fact]
    public void CIOL011_judges_whole_jobs_only()
        => Assert.DoesNotContain("CIOL011", Ids(".unused:\n  script:\n    - cd x && make\n    - echo\n"));
}

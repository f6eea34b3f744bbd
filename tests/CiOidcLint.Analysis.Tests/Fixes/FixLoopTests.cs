using System.Collections.Immutable;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Tests.Fixes;

/// <summary>Preferred fixes applied together, the way --fix and the editor's fix-all do.</summary>
public sealed class FixLoopTests
{
    private static (string Text, FixLoopResult Result) FixAll(string yaml)
    {
        var files = new InMemoryFileSystem();
        files.Add(".gitlab-ci.yml", yaml);
        var result = FixLoop.Run(files, fs => new RepositoryAnalysis(fs).Analyze(Array.Empty<string>()).SelectMany(r => r.Findings));
        return (result.Files.ReadFile(".gitlab-ci.yml")!.ToString(), result);
    }

    [Fact]
    public void Findings_of_one_job_share_one_added_token()
    {
        const string yaml = "deploy:\n  secrets:\n    DB:\n      vault: db/password@ops\n  script:\n    - vault login jwt=$CI_JOB_JWT\n    - curl -H \"Authorization: $CI_JOB_JWT_V2\" https://api.acme.internal\n";
        var (text, result) = FixAll(yaml);
        Assert.Equal(
            "deploy:\n  id_tokens:\n    GITLAB_OIDC_TOKEN:\n      aud: $CI_SERVER_URL\n  secrets:\n    DB:\n      token: $GITLAB_OIDC_TOKEN\n      vault: db/password@ops\n  script:\n    - vault login jwt=$GITLAB_OIDC_TOKEN\n    - curl -H \"Authorization: $GITLAB_OIDC_TOKEN\" https://api.acme.internal\n",
            text);
        Assert.False(result.ReachedPassLimit);
        Assert.True(result.Applied.Select(a => a.Pass).Distinct().Count() >= 2, "the second finding is fixed after re-analysis");
        Assert.Empty(FixAll(text).Result.Applied);
    }

    [Fact]
    public void Non_preferred_fixes_are_left_alone()
    {
        const string yaml = "job:\n  id_tokens:\n    A: {aud: https://a.acme.internal}\n    B: {aud: https://b.acme.internal}\n  secrets:\n    DB:\n      vault: db/password@ops\n  script:\n    - cd x && make\n    - echo $A $B\n";
        var (text, result) = FixAll(yaml);
        Assert.Equal(yaml, text);
        Assert.Empty(result.Applied);
        Assert.Empty(result.ChangedPaths);
    }

    [Fact]
    public void Fixes_in_several_files_of_a_pipeline_are_applied()
    {
        var files = new InMemoryFileSystem();
        files.Add(".gitlab-ci.yml", "include: ci/login.yml\njob:\n  extends: .login\n  script:\n    - export A=$(aws sts get-caller-identity)\n");
        files.Add("ci/login.yml", ".login:\n  id_tokens:\n    T:\n  before_script:\n    - echo $T\n");
        var result = FixLoop.Run(files, fs => new RepositoryAnalysis(fs).Analyze(Array.Empty<string>()).SelectMany(r => r.Findings));
        Assert.Equal(new[] { ".gitlab-ci.yml", "ci/login.yml" }, result.ChangedPaths.ToArray());
        Assert.Equal(".login:\n  id_tokens:\n    T:\n      aud: $CI_SERVER_URL\n  before_script:\n    - echo $T\n", result.Files.ReadFile("ci/login.yml")!.ToString());
    }

    [Fact]
    public void A_fix_that_leaves_its_finding_in_place_is_undone_and_not_tried_again()
    {
        // Every CIOL004 fix is swapped for one that only adds a comment at the top: it changes
        // the file but not the finding. The good CIOL001 fix of the same pass is redone after.
        const string Yaml = "job:\n  id_tokens:\n    T: {aud: https://vault.acme.internal}\n  script:\n    - export A=$(aws sts get-caller-identity)\n    - vault login jwt=$CI_JOB_JWT\n";
        var files = new InMemoryFileSystem().Add(".gitlab-ci.yml", Yaml);
        var noop = new CodeFix("Add a comment", true, ImmutableArray.Create(new DocumentChange(".gitlab-ci.yml", ImmutableArray.Create(new TextChange(new TextSpan(0, 0), "# note\n")))));
        var result = FixLoop.Run(
            files,
            fs => new RepositoryAnalysis(fs).Analyze(Array.Empty<string>()).SelectMany(r => r.Findings)
                .Select(f => f.Id == "CIOL004" ? f with { Fixes = ImmutableArray.Create(noop) } : f));

        Assert.Equal(Yaml.Replace("jwt=$CI_JOB_JWT", "jwt=$T", StringComparison.Ordinal), result.Files.ReadFile(".gitlab-ci.yml")!.ToString());
        Assert.Equal(new[] { "CIOL001" }, result.Applied.Select(a => a.RuleId).ToArray());
        Assert.False(result.ReachedPassLimit);
    }

    [Fact]
    public void A_fix_that_brings_a_new_error_is_undone_and_the_others_still_apply()
    {
        // The first CIOL004's fix is swapped for one that removes its 'export' (the finding goes)
        // but also writes a CI_JOB_JWT line (a new CIOL001 error). The second CIOL004 is fixed.
        const string Yaml = "job:\n  script:\n    - export A=$(aws sts get-caller-identity)\n    - export B=$(vault read -field=x kv/b)\n";
        var files = new InMemoryFileSystem().Add(".gitlab-ci.yml", Yaml);

        // Only CIOL004 is asked about: the new CIOL001 counts all the same.
        var result = FixLoop.Run(
            files,
            fs => new RepositoryAnalysis(fs).Analyze(Array.Empty<string>()).SelectMany(r => r.Findings)
                .Select(f => f.Id == "CIOL004" && f.Message.Contains("'export A", StringComparison.Ordinal) ? f with { Fixes = ImmutableArray.Create(Breaking(f)) } : f),
            include: f => f.Id == "CIOL004");

        Assert.Equal(
            "job:\n  script:\n    - export A=$(aws sts get-caller-identity)\n    - B=$(vault read -field=x kv/b)\n    - export B\n",
            result.Files.ReadFile(".gitlab-ci.yml")!.ToString());
        Assert.Equal(new[] { "CIOL004" }, result.Applied.Select(a => a.RuleId).ToArray());
        Assert.Equal(4, result.Applied.Single().Position.Line + 1);

        static CodeFix Breaking(Finding finding)
        {
            var text = finding.Location.File.Text;
            var line = text.Lines.GetLineFromPosition(finding.Location.Span.Start);
            var export = text.ToString(line.Span).IndexOf("export ", StringComparison.Ordinal) + line.Start;
            return new CodeFix("Break something", true, ImmutableArray.Create(new DocumentChange(".gitlab-ci.yml", ImmutableArray.Create(
                new TextChange(new TextSpan(export, "export ".Length), string.Empty),
                new TextChange(new TextSpan(line.EndIncludingLineBreak, 0), "    - echo $CI_JOB_JWT\n")))));
        }
    }

    [Fact]
    public void A_reference_reached_through_a_reference_gets_its_token_in_the_job()
    {
        // .login is judged on its own too; its own fix (a token in .login) would not reach deploy.
        const string Yaml = ".login:\n  script:\n    - vault write -field=token auth/jwt/login role=x jwt=$CI_JOB_JWT_V2 > token\ndeploy:\n  script:\n    - !reference [.login, script]\n    - ./deploy.sh\n";
        var (text, result) = FixAll(Yaml);
        Assert.Equal(
            ".login:\n  script:\n    - vault write -field=token auth/jwt/login role=x jwt=$GITLAB_OIDC_TOKEN > token\ndeploy:\n  id_tokens:\n    GITLAB_OIDC_TOKEN:\n      aud: $CI_SERVER_URL\n  script:\n    - !reference [.login, script]\n    - ./deploy.sh\n",
            text);
        Assert.Equal(new[] { "CIOL001" }, result.Applied.Select(a => a.RuleId).ToArray());
        Assert.DoesNotContain(new RepositoryAnalysis(new InMemoryFileSystem().Add(".gitlab-ci.yml", text)).Analyze(Array.Empty<string>()).Single().Findings, f => f.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
    }

    [Fact]
    public void A_fix_after_which_a_shared_problem_names_fewer_jobs_is_kept()
    {
        // Job a gets a token for its secret; the template's CIOL014 then names only b: not a new problem.
        const string Yaml = ".t:\n  script:\n    - vault write auth/jwt/login role=x jwt=$GITLAB_OIDC_TOKEN\na:\n  extends: .t\n  secrets:\n    DB:\n      vault: db/password@ops\nb:\n  extends: .t\n";
        var (text, result) = FixAll(Yaml);
        Assert.Equal(new[] { "CIOL005" }, result.Applied.Select(a => a.RuleId).ToArray());
        Assert.Contains("a:\n  id_tokens:\n    GITLAB_OIDC_TOKEN:", text, StringComparison.Ordinal);
    }
}

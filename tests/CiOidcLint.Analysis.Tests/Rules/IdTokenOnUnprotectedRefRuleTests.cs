using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL019: a job with ID tokens or secrets that can run for an unprotected branch or a merge request.</summary>
public sealed class IdTokenOnUnprotectedRefRuleTests
{
    private static List<string> Findings(string yaml, string path = ".gitlab-ci.yml")
        => Fixing.Analyze((path, yaml)).Where(f => f.Id == "CIOL019")
            .Select(f => $"{f.Location.LineSpan.Start.Line + 1}:{f.Location.LineSpan.Start.Character + 1} {f.Message}").ToList();

    private const string Tokens = """
          id_tokens:
            AWS_ID_TOKEN:
              aud: https://sts.amazonaws.com
          script:
            - aws sts assume-role-with-web-identity --role-arn "$ROLE" --web-identity-token "$AWS_ID_TOKEN" --query Credentials.Expiration
        """;

    private static string Job(string rules) => "deploy:\n" + Tokens + (rules.Length > 0 ? "\n" + rules : string.Empty) + "\n";

    [Fact]
    public void A_job_without_rules_is_reported_at_its_name()
    {
        var finding = Assert.Single(Findings(Job(string.Empty)));
        Assert.Equal(
            "1:1 The job gets the ID token 'AWS_ID_TOKEN' and runs in pipelines for any unprotected branch: a cloud or Vault role that trusts only the project path gives its credentials to anyone who can push a branch (in job 'deploy')",
            finding);
    }

    [Theory]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
        """)]
    [InlineData("""
          rules:
            - if: '$CI_COMMIT_REF_NAME == "main" && $CI_PIPELINE_SOURCE == "push"'
        """)]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_REF_PROTECTED == "true"
              when: manual
        """)]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_TAG
        """)]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_REF_PROTECTED != "true"
              when: never
            - when: on_success
        """)]
    [InlineData("""
          rules:
            - if: $CI_MERGE_REQUEST_IID
              when: never
            - if: $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH
              when: never
            - changes: [infra/**/*]
        """)]
    [InlineData("""
          only: [main, production]
        """)]
    [InlineData("""
          only:
            refs: [main]
            variables: [$CI_COMMIT_MESSAGE =~ /deploy/]
        """)]
    [InlineData("""
          only: [tags]
        """)]
    [InlineData("""
          only: [schedules, triggers]
        """)]
    [InlineData("""
          only: main
        """)]
    [InlineData("""
          except: [push, web]
        """)]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_TAG =~ /^v?[0-9.]*$/
              when: never
            - when: always
        """)]
    [InlineData("""
          rules:
            - if: $CI_MERGE_REQUEST_TARGET_BRANCH_NAME != "main"
              when: never
            - if: $CI_MERGE_REQUEST_TARGET_BRANCH_NAME == "production"
        """)]
    [InlineData("""
          rules:
            - changes: [infra/**/*]
              when: never
            - changes: [infra/**/*]
        """)]
    [InlineData("""
          environment: $DEPLOY_ENV
        """)]
    [InlineData("""
          environment:
            name: production-$CI_COMMIT_REF_SLUG
        """)]
    [InlineData("""
          environment:
            name: review/$CI_COMMIT_REF_SLUG
            deployment_tier: production
        """)]
    public void A_job_kept_to_trusted_refs_or_that_the_linter_cannot_judge_is_not_reported(string rules)
        => Assert.Empty(Findings(Job(rules)));

    [Theory]
    [InlineData("""
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
        """, "in merge request pipelines from any branch")]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            - if: $CI_MERGE_REQUEST_IID
        """, "in merge request pipelines from any branch")]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_REF_PROTECTED
        """, "in pipelines for unprotected branches and merge requests")]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH
        """, "in pipelines for unprotected branches and merge requests")]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_MESSAGE =~ /\[skip deploy\]/
              when: never
            - if: $CI_COMMIT_BRANCH =~ /^release\//
              when: never
            - when: manual
        """, "in pipelines for unprotected branches and merge requests")]
    [InlineData("""
          rules:
            - changes: [terraform/**/*]
        """, "in pipelines for unprotected branches and merge requests")]
    [InlineData("""
          only: [branches]
          except: [main]
        """, "in pipelines for any unprotected branch")]
    [InlineData("""
          only: [merge_requests]
        """, "in merge request pipelines from any branch")]
    [InlineData("""
          except:
            refs: [tags]
        """, "in pipelines for any unprotected branch")]
    public void A_job_that_a_pusher_can_run_is_reported_with_where(string rules, string where)
        => Assert.Contains(" runs " + where + ":", Assert.Single(Findings(Job(rules))), StringComparison.Ordinal);

    [Theory]
    [InlineData("""
          rules:
            - if: $DEPLOY == "true"
        """)]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_BRANCH =~ /^release\//
        """)]
    [InlineData("""
          rules:
            - if: $CI_PROJECT_PATH == "acme/app"
        """)]
    [InlineData("""
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH ||
        """)]
    [InlineData("""
          rules:
            - if: $SKIP_DEPLOY
              when: never
            - when: always
        """)]
    [InlineData("""
          only: [/^release-.*$/]
        """)]
    [InlineData("""
          only: [branches@acme/app]
        """)]
    [InlineData("""
          environment: production
        """)]
    [InlineData("""
          environment:
            name: production
            action: start
        """)]
    public void A_condition_the_linter_cannot_judge_keeps_it_silent(string rules)
        => Assert.Empty(Findings(Job(rules)));

    [Fact]
    public void A_review_environment_named_after_the_branch_does_not_silence_it()
        => Assert.Single(Findings(Job("""
              environment:
                name: review/$CI_COMMIT_REF_SLUG
            """)));

    [Fact]
    public void Workflow_rules_decide_which_pipelines_exist()
    {
        const string jobs = """
            plan:
              secrets:
                DB_PASSWORD:
                  vault: db/password@ops
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                - if: $CI_COMMIT_BRANCH
              script: [terraform plan]
            """;

        // Only default-branch pipelines exist: nothing to report.
        Assert.Empty(Findings("""
            workflow:
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            """ + "\n" + jobs));

        // The usual "merge request pipelines, else branch pipelines" workflow.
        Assert.Contains("runs in pipelines for unprotected branches and merge requests", Assert.Single(Findings("""
            workflow:
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS
                  when: never
                - if: $CI_COMMIT_BRANCH
            """ + "\n" + jobs)), StringComparison.Ordinal);

        // A workflow that depends on a project variable: not known.
        Assert.Empty(Findings("""
            workflow:
              rules:
                - if: $PIPELINES_ENABLED == "yes"
            """ + "\n" + jobs));
    }

    [Fact]
    public void Without_rules_a_job_also_runs_in_merge_request_pipelines_once_workflow_rules_exist()
        => Assert.Contains("runs in pipelines for unprotected branches and merge requests", Assert.Single(Findings("""
            workflow:
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                - if: $CI_COMMIT_BRANCH
            """ + "\n" + Job(string.Empty))), StringComparison.Ordinal);

    [Fact]
    public void A_pipeline_that_GitLab_would_not_create_runs_nothing()
    {
        // 'deploy' needs 'build', which only the default branch has: on a branch the pipeline fails to be created.
        Assert.Empty(Findings("""
            build:
              script: [make]
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            """ + "\n" + Job("  needs: [build]")));

        // Optional needs do not stop it.
        Assert.Single(Findings("""
            build:
              script: [make]
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            """ + "\n" + Job("  needs:\n    - job: build\n      optional: true")));

        // A pipeline of .pre jobs only is not created.
        Assert.Empty(Findings("""
            build:
              script: [make]
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            """ + "\n" + Job("  stage: .pre")));
    }

    [Fact]
    public void Jobs_from_conditional_or_unread_includes_are_not_judged()
    {
        var conditional = Fixing.Analyze(
            (".gitlab-ci.yml", "include:\n  - local: ci/deploy.yml\n    rules:\n      - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n"),
            ("ci/deploy.yml", Job(string.Empty)));
        Assert.DoesNotContain(conditional, f => f.Id == "CIOL019");

        // An include the linter cannot read may define 'deploy' with rules of its own...
        Assert.Empty(Findings("include:\n  - project: acme/ci\n    file: deploy.yml\nworkflow:\n  rules:\n    - when: always\n" + Job(string.Empty)));

        // ...but rules written in the root file's job win over anything included.
        Assert.Single(Findings("include:\n  - project: acme/ci\n    file: deploy.yml\nworkflow:\n  rules:\n    - when: always\n" + Job("  rules:\n    - if: $CI_COMMIT_BRANCH")));
    }

    [Fact]
    public void Tokens_and_rules_are_composed_through_extends_default_and_reference()
    {
        var findings = Findings("""
            default:
              id_tokens:
                GITLAB_OIDC_TOKEN:
                  aud: https://gitlab.com
            .main-only:
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            .any-branch:
              rules:
                - if: $CI_COMMIT_BRANCH
            kept:
              extends: .main-only
              script: [sign]
            referenced:
              rules:
                - !reference [.main-only, rules]
              script: [sign]
            loose:
              extends: .any-branch
              script: [sign]
            no-tokens:
              inherit:
                default: false
              script: [build]
            """);
        Assert.Equal(
            "18:1 The job gets the ID token 'GITLAB_OIDC_TOKEN' and runs in pipelines for any unprotected branch: a cloud or Vault role that trusts only the project path gives its credentials to anyone who can push a branch (in job 'loose')",
            string.Join("\n", findings));
    }

    [Fact]
    public void Templates_trigger_jobs_and_jobs_without_credentials_are_not_reported()
        => Assert.Empty(Findings("""
            .login:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
            build:
              script: [make]
            child:
              trigger:
                include: child.yml
            """));

    [Theory]
    [InlineData(".gitlab/ci/deploy.yml")]
    [InlineData("templates/aws-login.yml")]
    [InlineData("child-pipeline.yml")]
    public void A_file_standing_alone_that_is_not_the_project_pipeline_is_not_judged(string path)
        => Assert.Empty(Findings(Job(string.Empty), path));

    [Fact]
    public void A_file_included_by_the_project_pipeline_is_judged_with_its_workflow()
    {
        var findings = Fixing.Analyze(
            (".gitlab-ci.yml", "include:\n  - local: .gitlab/ci/deploy.yml\nworkflow:\n  rules:\n    - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"\n    - if: $CI_COMMIT_BRANCH\n"),
            (".gitlab/ci/deploy.yml", Job(string.Empty))).Where(f => f.Id == "CIOL019").ToList();
        var finding = Assert.Single(findings);
        Assert.Equal(".gitlab/ci/deploy.yml", finding.Location.File.Path);
    }

    [Fact]
    public void An_include_the_linter_cannot_read_may_hold_the_workflow()
        => Assert.Empty(Findings("include:\n  - template: Workflows/MergeRequest-Pipelines.gitlab-ci.yml\n" + Job(string.Empty)));

    [Fact]
    public void A_real_world_shaped_pipeline_reports_the_deploy_job_that_runs_on_every_branch()
    {
        var findings = Findings("""
            stages: [build, deploy]
            variables:
              AWS_REGION: eu-west-1
            .aws-auth:
              id_tokens:
                AWS_ID_TOKEN:
                  aud: https://sts.amazonaws.com
              before_script:
                - >
                  export $(printf "AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_SESSION_TOKEN=%s"
                  $(aws sts assume-role-with-web-identity --role-arn ${ROLE_ARN} --role-session-name "gitlab-${CI_PIPELINE_ID}"
                  --web-identity-token ${AWS_ID_TOKEN} --duration-seconds 3600
                  --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text))
            build:
              stage: build
              script: [make]
            deploy-staging:
              stage: deploy
              extends: .aws-auth
              script: [./deploy.sh staging]
            deploy-production:
              stage: deploy
              extends: .aws-auth
              script: [./deploy.sh production]
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                  when: manual
            """);
        Assert.Equal("17:1", Assert.Single(findings)[..4]);
    }

    [Fact]
    public void The_fix_adds_protected_rules_to_a_job_without_rules()
    {
        Assert.Equal(
            """
            deploy:
              rules:
                - if: $CI_COMMIT_REF_PROTECTED == "true"
              id_tokens:
                AWS_ID_TOKEN:
                  aud: https://sts.amazonaws.com
              script: [./deploy.sh]

            """,
            Fixing.Apply(
                """
                deploy:
                  id_tokens:
                    AWS_ID_TOKEN:
                      aud: https://sts.amazonaws.com
                  script: [./deploy.sh]

                """,
                "CIOL019",
                alsoGone: "CIOL013"));
    }

    [Fact]
    public void The_fix_puts_a_protected_guard_first_in_the_job_s_own_rules_and_keeps_them()
    {
        Assert.Equal(
            """
            deploy:
              secrets:
                DB_PASSWORD:
                  vault: db/password@ops
                  token: $VAULT_ID_TOKEN
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              rules:
                  - if: $CI_COMMIT_REF_PROTECTED != "true"
                    when: never
                  - if: $CI_PIPELINE_SOURCE == "merge_request_event"   # plan on MRs
                  - if: $CI_COMMIT_BRANCH
              script: [./deploy.sh "$DB_PASSWORD"]

            """,
            Fixing.Apply(
                """
                deploy:
                  secrets:
                    DB_PASSWORD:
                      vault: db/password@ops
                      token: $VAULT_ID_TOKEN
                  id_tokens:
                    VAULT_ID_TOKEN:
                      aud: https://vault.acme.internal
                  rules:
                      - if: $CI_PIPELINE_SOURCE == "merge_request_event"   # plan on MRs
                      - if: $CI_COMMIT_BRANCH
                  script: [./deploy.sh "$DB_PASSWORD"]

                """,
                "CIOL019"));
    }

    [Fact]
    public void No_fix_where_the_rules_are_shared_through_an_anchor_or_the_job_is_delayed()
    {
        Assert.Empty(Fixing.Offered(
            """
            deploy:
              rules: &any-branch
                - if: $CI_COMMIT_BRANCH
            """ + "\n" + Tokens + "\n",
            "CIOL019"));
        Assert.Empty(Fixing.Offered(Job("  when: delayed\n  start_in: 5 minutes"), "CIOL019"));
    }

    [Fact]
    public void No_fix_where_a_new_rules_key_would_replace_a_template_s_rules_or_only()
    {
        Assert.Empty(Fixing.Offered(
            """
            .any:
              rules:
                - if: $CI_COMMIT_BRANCH
            deploy:
              extends: .any
            """ + "\n" + Tokens + "\n",
            "CIOL019"));
        Assert.Empty(Fixing.Offered(Job("  only: [branches]"), "CIOL019"));
    }
}

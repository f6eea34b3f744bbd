using System;
using System.Collections.Immutable;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>A variable GitLab or the runner sets in every job, with a line of help.</summary>
public sealed record PredefinedVariable(string Name, string Help, bool IsRemoved = false);

/// <summary>
/// The predefined variables a pipeline most often reads, for hover and completion (GitLab's
/// "Predefined CI/CD variables reference"). Not every one GitLab sets: a name missing here is
/// not reported as unknown by anything, only not explained.
/// </summary>
public static class PredefinedVariables
{
    public static ImmutableArray<PredefinedVariable> All { get; } = ImmutableArray.Create(
        new PredefinedVariable("CI", "`true` in every CI/CD job."),
        new PredefinedVariable("GITLAB_CI", "`true` in every CI/CD job."),
        new PredefinedVariable("CI_SERVER_URL", "The GitLab instance's base URL, with protocol and port (`https://gitlab.example.com:8080`); a usual `aud` for Vault and OpenBao."),
        new PredefinedVariable("CI_SERVER_HOST", "The GitLab instance's host name, without protocol or port."),
        new PredefinedVariable("CI_SERVER_FQDN", "The GitLab instance's host name with its port."),
        new PredefinedVariable("CI_API_V4_URL", "The GitLab API v4 root URL."),
        new PredefinedVariable("CI_PROJECT_ID", "The project's numeric ID; the `project_id` claim of an ID token."),
        new PredefinedVariable("CI_PROJECT_PATH", "The project's namespace and name (`group/project`); the `project_path` claim of an ID token."),
        new PredefinedVariable("CI_PROJECT_NAMESPACE", "The project's namespace (group or user)."),
        new PredefinedVariable("CI_PROJECT_NAME", "The project's name, without its namespace."),
        new PredefinedVariable("CI_PROJECT_DIR", "The full path the repository is cloned to, where the job runs."),
        new PredefinedVariable("CI_PROJECT_URL", "The project's HTTP(S) address."),
        new PredefinedVariable("CI_PIPELINE_ID", "The pipeline's instance-wide ID."),
        new PredefinedVariable("CI_PIPELINE_IID", "The pipeline's project-level ID."),
        new PredefinedVariable("CI_PIPELINE_SOURCE", "How the pipeline was started: `push`, `merge_request_event`, `schedule`, `web`, `api`, `trigger`, `pipeline`, `parent_pipeline`…"),
        new PredefinedVariable("CI_PIPELINE_URL", "The pipeline's address."),
        new PredefinedVariable("CI_JOB_ID", "The job's instance-wide ID."),
        new PredefinedVariable("CI_JOB_NAME", "The job's name."),
        new PredefinedVariable("CI_JOB_STAGE", "The job's stage."),
        new PredefinedVariable("CI_JOB_URL", "The job's address."),
        new PredefinedVariable("CI_JOB_TOKEN", "A token to call a limited set of GitLab API endpoints and registries as this job; valid while the job runs. Not an OIDC token."),
        new PredefinedVariable("CI_JOB_JWT", "Removed in GitLab 17.0 (deprecated in 15.9): now empty. Declare an ID token with `id_tokens:` and use its name.", IsRemoved: true),
        new PredefinedVariable("CI_JOB_JWT_V1", "Removed in GitLab 17.0 (deprecated in 15.9): now empty. Declare an ID token with `id_tokens:` and use its name.", IsRemoved: true),
        new PredefinedVariable("CI_JOB_JWT_V2", "Removed in GitLab 17.0 (deprecated in 15.9): now empty. Declare an ID token with `id_tokens:` and an `aud`, and use its name.", IsRemoved: true),
        new PredefinedVariable("CI_COMMIT_SHA", "The commit the pipeline runs for."),
        new PredefinedVariable("CI_COMMIT_SHORT_SHA", "The first eight characters of `CI_COMMIT_SHA`."),
        new PredefinedVariable("CI_COMMIT_REF_NAME", "The branch or tag the pipeline runs for; the `ref` claim of an ID token."),
        new PredefinedVariable("CI_COMMIT_REF_SLUG", "`CI_COMMIT_REF_NAME` lowercased and shortened to 63 bytes, for URLs and host names."),
        new PredefinedVariable("CI_COMMIT_REF_PROTECTED", "`true` when the branch or tag is protected; the `ref_protected` claim of an ID token."),
        new PredefinedVariable("CI_COMMIT_BRANCH", "The branch, in branch pipelines only (not in merge request or tag pipelines)."),
        new PredefinedVariable("CI_COMMIT_TAG", "The tag, in tag pipelines only."),
        new PredefinedVariable("CI_COMMIT_MESSAGE", "The full commit message; whoever pushes chooses it."),
        new PredefinedVariable("CI_COMMIT_TITLE", "The commit message's first line; whoever pushes chooses it."),
        new PredefinedVariable("CI_DEFAULT_BRANCH", "The project's default branch."),
        new PredefinedVariable("CI_ENVIRONMENT_NAME", "The job's environment name, when it has `environment:`; the `environment` claim of an ID token."),
        new PredefinedVariable("CI_ENVIRONMENT_TIER", "The environment's tier: `production`, `staging`, `testing`, `development` or `other`."),
        new PredefinedVariable("CI_ENVIRONMENT_URL", "The environment's URL, when set."),
        new PredefinedVariable("CI_MERGE_REQUEST_IID", "The merge request's project-level ID, in merge request pipelines."),
        new PredefinedVariable("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "The merge request's source branch, in merge request pipelines."),
        new PredefinedVariable("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "The merge request's target branch, in merge request pipelines."),
        new PredefinedVariable("CI_MERGE_REQUEST_TITLE", "The merge request's title; its author chooses it."),
        new PredefinedVariable("CI_REGISTRY", "The container registry's address."),
        new PredefinedVariable("CI_REGISTRY_IMAGE", "The project's container registry image path."),
        new PredefinedVariable("CI_REGISTRY_USER", "The user to push to the project's registry with (`CI_REGISTRY_PASSWORD`)."),
        new PredefinedVariable("CI_REGISTRY_PASSWORD", "The password to push to the project's registry; the job token."),
        new PredefinedVariable("CI_RUNNER_TAGS", "The runner's tags, as a JSON list."),
        new PredefinedVariable("CI_DEBUG_TRACE", "`true` turns on the shell's trace in the job log, where every variable's value, ID tokens and secrets included, is printed."),
        new PredefinedVariable("GITLAB_USER_LOGIN", "The user who started the pipeline (or the job); the `user_login` claim of an ID token."),
        new PredefinedVariable("GITLAB_USER_EMAIL", "The email of the user who started the pipeline (or the job)."),
        new PredefinedVariable("GITLAB_USER_ID", "The numeric ID of the user who started the pipeline (or the job)."));

    private static readonly ImmutableDictionary<string, PredefinedVariable> ByName = All.ToImmutableDictionary(v => v.Name, StringComparer.Ordinal);

    public static PredefinedVariable? Find(string name) => ByName.TryGetValue(name, out var variable) ? variable : null;
}

using System;
using System.Collections.Immutable;

namespace CiOidcLint.Analysis.Pipeline.Conditions;

/// <summary>How a pipeline was started, by someone who can push a branch but not to a protected one.</summary>
public enum UntrustedSource
{
    /// <summary>A push to their own branch (<c>CI_PIPELINE_SOURCE == "push"</c>).</summary>
    Push,

    /// <summary>"Run pipeline" on their own branch (<c>"web"</c>).</summary>
    Web,

    /// <summary>A merge request from their own branch (<c>"merge_request_event"</c>).</summary>
    MergeRequest,
}

/// <summary>
/// A pipeline that anyone with push access can start: for an unprotected branch, or for a merge
/// request from one. The predefined variables hold what GitLab sets there (see
/// doc/ci/variables/predefined_variables.md); every other variable may be a CI/CD variable of
/// the project's settings, so it is <see cref="ConditionValueKind.Unknown"/>.
/// </summary>
public sealed class UntrustedPipeline
{
    private static readonly ImmutableHashSet<string> BranchNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "CI_COMMIT_REF_NAME", "CI_COMMIT_REF_SLUG", "CI_BUILD_REF_NAME", "CI_BUILD_REF_SLUG");

    /// <summary>Set in tag pipelines, triggered and scheduled ones, and for external pull requests only.</summary>
    private static readonly ImmutableHashSet<string> UnsetHere = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "CI_COMMIT_TAG", "CI_BUILD_TAG", "CI_COMMIT_TAG_MESSAGE", "CI_PIPELINE_TRIGGERED", "CI_PIPELINE_SCHEDULE_DESCRIPTION",
        "CI_TRIGGER_SHORT_TOKEN");

    /// <summary>Merge request variables the author of the merge request writes.</summary>
    private static readonly ImmutableHashSet<string> MergeRequestChosen = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "CI_MERGE_REQUEST_TITLE", "CI_MERGE_REQUEST_DESCRIPTION",
        "CI_MERGE_REQUEST_LABELS", "CI_MERGE_REQUEST_DRAFT", "CI_MERGE_REQUEST_MILESTONE", "CI_MERGE_REQUEST_ASSIGNEES");

    private UntrustedPipeline(UntrustedSource source) => Source = source;

    public static ImmutableArray<UntrustedPipeline> All { get; } = ImmutableArray.Create(
        new UntrustedPipeline(UntrustedSource.Push),
        new UntrustedPipeline(UntrustedSource.Web),
        new UntrustedPipeline(UntrustedSource.MergeRequest));

    public UntrustedSource Source { get; }

    public bool IsMergeRequest => Source == UntrustedSource.MergeRequest;

    /// <summary>The value of <c>$NAME</c> in such a pipeline.</summary>
    public ConditionValue Variable(string name)
    {
        switch (name)
        {
            case "CI_PIPELINE_SOURCE":
                return ConditionValue.Of(Source switch
                {
                    UntrustedSource.Push => "push",
                    UntrustedSource.Web => "web",
                    _ => "merge_request_event",
                });
            case "CI_COMMIT_BRANCH":
                // Merge request pipelines run for refs/merge-requests/N/head: no branch.
                return IsMergeRequest ? ConditionValue.Null : new ConditionValue(ConditionValueKind.PushedBranch);
            case "CI_COMMIT_REF_PROTECTED":
                return ConditionValue.Of("false");
            case "CI_DEFAULT_BRANCH":
                return new ConditionValue(ConditionValueKind.DefaultBranch);
            case "CI_COMMIT_MESSAGE" or "CI_COMMIT_TITLE" or "CI_COMMIT_DESCRIPTION":
                return new ConditionValue(ConditionValueKind.Chosen);
            case "CI_OPEN_MERGE_REQUESTS":
                // The pusher decides whether their branch has a merge request open.
                return new ConditionValue(IsMergeRequest ? ConditionValueKind.Opaque : ConditionValueKind.Chosen);
            case "CI" or "GITLAB_CI":
                return ConditionValue.Of("true");
            case "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME":
                return IsMergeRequest ? new ConditionValue(ConditionValueKind.PushedBranch) : ConditionValue.Null;
            case "CI_MERGE_REQUEST_IID" or "CI_MERGE_REQUEST_ID" or "CI_MERGE_REQUEST_PROJECT_ID" or "CI_MERGE_REQUEST_PROJECT_PATH"
                or "CI_MERGE_REQUEST_PROJECT_URL" or "CI_MERGE_REQUEST_REF_PATH" or "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA"
                or "CI_MERGE_REQUEST_TARGET_BRANCH_SHA" or "CI_MERGE_REQUEST_DIFF_BASE_SHA" or "CI_MERGE_REQUEST_DIFF_ID":
                return IsMergeRequest ? new ConditionValue(ConditionValueKind.Opaque) : ConditionValue.Null;
        }

        if (BranchNames.Contains(name))
        {
            return new ConditionValue(ConditionValueKind.PushedBranch);
        }

        if (UnsetHere.Contains(name) || name.StartsWith("CI_EXTERNAL_PULL_REQUEST_", StringComparison.Ordinal))
        {
            return ConditionValue.Null;
        }

        if (name.StartsWith("CI_MERGE_REQUEST_", StringComparison.Ordinal))
        {
            return !IsMergeRequest ? ConditionValue.Null
                : MergeRequestChosen.Contains(name) ? new ConditionValue(ConditionValueKind.Chosen)
                : ConditionValue.Unknown;
        }

        return ConditionValue.Unknown;
    }

    /// <summary>Whether an <c>only</c>/<c>except</c> keyword (<c>branches</c>, <c>merge_requests</c>, …) names this pipeline.</summary>
    public bool MatchesRefKeyword(string keyword) => keyword switch
    {
        "branches" => !IsMergeRequest,
        "pushes" => Source == UntrustedSource.Push,
        "web" => Source == UntrustedSource.Web,
        "merge_requests" => IsMergeRequest,
        _ => false,
    };

    /// <summary>The <c>only</c>/<c>except</c> keywords GitLab knows (Gitlab::Ci::Build::Policy::Refs).</summary>
    public static bool IsRefKeyword(string value) => value is "branches" or "tags" or "api" or "external" or "pipelines" or "pushes"
        or "schedules" or "triggers" or "web" or "merge_requests" or "chat" or "external_pull_requests";

    public override string ToString() => Source.ToString();
}

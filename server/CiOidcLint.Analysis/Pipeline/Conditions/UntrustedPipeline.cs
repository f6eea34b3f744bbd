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
    private static readonly ImmutableHashSet<string> BranchNames = ImmutableHashSet.Create(StringComparer.Ordinal, "CI_COMMIT_REF_NAME", "CI_BUILD_REF_NAME");

    private static readonly ImmutableHashSet<string> BranchSlugs = ImmutableHashSet.Create(StringComparer.Ordinal, "CI_COMMIT_REF_SLUG", "CI_BUILD_REF_SLUG");

    /// <summary>Where a pipeline comes from (Ci::Pipeline sources): only/except name them, singular or plural.</summary>
    private static readonly ImmutableArray<string> Sources = ImmutableArray.Create(
        "push", "web", "trigger", "schedule", "api", "external", "pipeline", "chat", "webide", "merge_request_event",
        "external_pull_request_event", "parent_pipeline", "ondemand_dast_scan", "ondemand_dast_validation",
        "security_orchestration_policy", "container_registry_push", "duo_workflow", "pipeline_execution_policy_schedule");

    /// <summary>Set in tag pipelines, triggered and scheduled ones, and for external pull requests only.</summary>
    private static readonly ImmutableHashSet<string> UnsetHere = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "CI_COMMIT_TAG", "CI_BUILD_TAG", "CI_COMMIT_TAG_MESSAGE", "CI_PIPELINE_TRIGGERED", "CI_PIPELINE_SCHEDULE_DESCRIPTION",
        "CI_TRIGGER_SHORT_TOKEN");

    /// <summary>Merge request variables the author of the merge request writes (possibly empty).</summary>
    private static readonly ImmutableHashSet<string> MergeRequestChosen = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "CI_MERGE_REQUEST_DESCRIPTION", "CI_MERGE_REQUEST_LABELS", "CI_MERGE_REQUEST_DRAFT", "CI_MERGE_REQUEST_MILESTONE", "CI_MERGE_REQUEST_ASSIGNEES");

    /// <summary>Merge request variables the author writes that are never empty.</summary>
    private static readonly ImmutableHashSet<string> MergeRequestWritten = ImmutableHashSet.Create(
        StringComparer.Ordinal, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "CI_MERGE_REQUEST_TITLE");

    private readonly ImmutableHashSet<string> _correlated;

    private UntrustedPipeline(UntrustedSource source, ImmutableHashSet<string>? correlated = null)
    {
        Source = source;
        _correlated = correlated ?? ImmutableHashSet<string>.Empty;
    }

    /// <summary>
    /// The same pipeline, where values the pusher picks and that several conditions test are
    /// not known: the pusher picks each value once, and conditions on it may contradict.
    /// </summary>
    public UntrustedPipeline WithCorrelated(ImmutableHashSet<string> names) => names.IsEmpty ? this : new UntrustedPipeline(Source, names);

    /// <summary>Whether <c>changes:</c> and <c>exists:</c> are tested more than once, so the pusher's one set of files decides them together.</summary>
    public bool FilesCorrelated => _correlated.Contains(FilesKey);

    /// <summary>The name <see cref="WithCorrelated"/> uses for <c>changes:</c> and <c>exists:</c>.</summary>
    public const string FilesKey = "changes:";

    public static ImmutableArray<UntrustedPipeline> All { get; } = ImmutableArray.Create(
        new UntrustedPipeline(UntrustedSource.Push),
        new UntrustedPipeline(UntrustedSource.Web),
        new UntrustedPipeline(UntrustedSource.MergeRequest));

    public UntrustedSource Source { get; }

    public bool IsMergeRequest => Source == UntrustedSource.MergeRequest;

    /// <summary>The value of <c>$NAME</c> in such a pipeline.</summary>
    public ConditionValue Variable(string name)
    {
        var value = Predefined(name);
        return value.Kind == ConditionValueKind.Chosen && _correlated.Contains(name) ? ConditionValue.Unknown : value;
    }

    /// <summary>Whether the pusher picks the variable's value (a commit message, a merge request's target).</summary>
    public bool IsChosen(string name) => Predefined(name).Kind == ConditionValueKind.Chosen;

    private ConditionValue Predefined(string name)
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
            case "CI_COMMIT_MESSAGE" or "CI_COMMIT_TITLE":
                return new ConditionValue(ConditionValueKind.Chosen, ConditionValue.NeverEmpty);
            case "CI_COMMIT_DESCRIPTION":
                return new ConditionValue(ConditionValueKind.Chosen);
            case "CI_OPEN_MERGE_REQUESTS":
                // The pusher decides whether their branch has a merge request open.
                return new ConditionValue(IsMergeRequest ? ConditionValueKind.Opaque : ConditionValueKind.Chosen);
            case "CI" or "GITLAB_CI":
                return ConditionValue.Of("true");
            case "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME":
                return IsMergeRequest ? new ConditionValue(ConditionValueKind.PushedBranch) : ConditionValue.Null;
            case "CI_MERGE_REQUEST_IID" or "CI_MERGE_REQUEST_ID" or "CI_MERGE_REQUEST_PROJECT_ID" or "CI_MERGE_REQUEST_PROJECT_PATH"
                or "CI_MERGE_REQUEST_PROJECT_URL" or "CI_MERGE_REQUEST_REF_PATH" or "CI_MERGE_REQUEST_DIFF_BASE_SHA" or "CI_MERGE_REQUEST_DIFF_ID":
                return IsMergeRequest ? new ConditionValue(ConditionValueKind.Opaque) : ConditionValue.Null;
        }

        if (BranchNames.Contains(name))
        {
            return new ConditionValue(ConditionValueKind.PushedBranch);
        }

        if (BranchSlugs.Contains(name))
        {
            return new ConditionValue(ConditionValueKind.PushedBranch, ConditionValue.SlugMarker);
        }

        if (UnsetHere.Contains(name) || name.StartsWith("CI_EXTERNAL_PULL_REQUEST_", StringComparison.Ordinal))
        {
            return ConditionValue.Null;
        }

        if (name.StartsWith("CI_MERGE_REQUEST_", StringComparison.Ordinal))
        {
            // The SHA variables are set in merged results pipelines only: not known here.
            return !IsMergeRequest ? ConditionValue.Null
                : MergeRequestWritten.Contains(name) ? new ConditionValue(ConditionValueKind.Chosen, ConditionValue.NeverEmpty)
                : MergeRequestChosen.Contains(name) ? new ConditionValue(ConditionValueKind.Chosen)
                : ConditionValue.Unknown;
        }

        return ConditionValue.Unknown;
    }

    /// <summary>
    /// Whether an <c>only</c>/<c>except</c> keyword names this pipeline, as
    /// Gitlab::Ci::Build::Policy::Refs matches it: <c>branches</c> (branch pipelines, not merge
    /// requests), <c>tags</c>, or a source, singular or plural, without <c>_event</c>.
    /// </summary>
    public bool MatchesRefKeyword(string keyword)
    {
        if (keyword == "branches")
        {
            return !IsMergeRequest;
        }

        var source = Source switch
        {
            UntrustedSource.Push => "push",
            UntrustedSource.Web => "web",
            _ => "merge_request",
        };
        return keyword == source || keyword == Plural(source);
    }

    /// <summary>The <c>only</c>/<c>except</c> keywords GitLab knows: <c>branches</c>, <c>tags</c> and every pipeline source.</summary>
    public static bool IsRefKeyword(string value)
    {
        if (value is "branches" or "tags")
        {
            return true;
        }

        foreach (var source in Sources)
        {
            var name = source.EndsWith("_event", StringComparison.Ordinal) ? source.Substring(0, source.Length - "_event".Length) : source;
            if (value == name || value == Plural(name))
            {
                return true;
            }
        }

        return false;
    }

    private static string Plural(string name) => name.EndsWith("h", StringComparison.Ordinal) ? name + "es" : name + "s";

    public override string ToString() => Source.ToString();
}

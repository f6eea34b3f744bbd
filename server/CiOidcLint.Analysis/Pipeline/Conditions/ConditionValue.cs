namespace CiOidcLint.Analysis.Pipeline.Conditions;

/// <summary>What a variable holds in a pipeline someone without merge rights can start.</summary>
public enum ConditionValueKind
{
    /// <summary>Not set (<c>null</c> in an expression).</summary>
    Null,

    /// <summary>A value known from GitLab's rules (<c>CI_PIPELINE_SOURCE</c> is <c>push</c>).</summary>
    Text,

    /// <summary>
    /// The name of the pusher's own, unprotected branch. It equals no branch the configuration
    /// names: a name written in it is taken as one of the project's protected branches.
    /// </summary>
    PushedBranch,

    /// <summary><c>CI_DEFAULT_BRANCH</c>: set, and never the pushed branch.</summary>
    DefaultBranch,

    /// <summary>Text the pusher writes (a commit message, a merge request's target or labels).</summary>
    Chosen,

    /// <summary>Set, but to a value the linter cannot know (a project path, a SHA).</summary>
    Opaque,

    /// <summary>Anything, set or not: a CI/CD variable from the project's settings, a pipeline variable.</summary>
    Unknown,
}

public readonly record struct ConditionValue(ConditionValueKind Kind, string Text = "")
{
    public static ConditionValue Null => new(ConditionValueKind.Null);

    public static ConditionValue Unknown => new(ConditionValueKind.Unknown);

    public static ConditionValue Of(string text) => new(ConditionValueKind.Text, text);

    /// <summary>With <see cref="ConditionValueKind.PushedBranch"/>: the branch name in CI_COMMIT_REF_SLUG's form.</summary>
    public const string SlugMarker = "slug";

    /// <summary>With <see cref="ConditionValueKind.Chosen"/>: text that is never empty (a commit message, a merge request's title).</summary>
    public const string NeverEmpty = "set";
}

namespace CiOidcLint.Analysis.Pipeline.Conditions;

/// <summary>Whether something is certain, ruled out, or cannot be known from the configuration.</summary>
public enum Certainty
{
    No,
    Maybe,
    Yes,
}

/// <summary>
/// What someone who can push a branch can make of a condition: whether they can make it true and
/// whether they can make it false. A fixed fact is one or the other; a value they pick (a commit
/// message, the files they change) is both; a CI/CD variable the linter cannot see is neither
/// known, and every judgement built on it stays <see cref="Certainty.Maybe"/>.
/// </summary>
public readonly record struct Outcome(Certainty CanBeTrue, Certainty CanBeFalse)
{
    public static Outcome Always => new(Certainty.Yes, Certainty.No);

    public static Outcome Never => new(Certainty.No, Certainty.Yes);

    /// <summary>The pusher decides (a commit message, the changed files).</summary>
    public static Outcome Chosen => new(Certainty.Yes, Certainty.Yes);

    public static Outcome Unknown => new(Certainty.Maybe, Certainty.Maybe);

    public static Outcome Of(bool value) => value ? Always : Never;

    /// <summary>Both must hold: true only when both can be made true; false when either can be made false.</summary>
    public Outcome And(Outcome other) => new(Min(CanBeTrue, other.CanBeTrue), Max(CanBeFalse, other.CanBeFalse));

    public Outcome Or(Outcome other) => new(Max(CanBeTrue, other.CanBeTrue), Min(CanBeFalse, other.CanBeFalse));

    public Outcome Not() => new(CanBeFalse, CanBeTrue);

    private static Certainty Min(Certainty a, Certainty b) => a < b ? a : b;

    private static Certainty Max(Certainty a, Certainty b) => a > b ? a : b;
}

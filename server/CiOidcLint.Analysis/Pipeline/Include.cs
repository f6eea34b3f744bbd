using System.Collections.Immutable;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>One entry of an <c>include:</c> list, and what came of it.</summary>
public sealed record Include(IncludeKind Kind, YamlNode Node, string Target)
{
    /// <summary>The files it brought in (a local glob may bring several, or none).</summary>
    public ImmutableArray<string> Files { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>True when the linter read what it includes.</summary>
    public bool IsFollowed { get; init; }

    /// <summary>Why it was not followed, for <see cref="IsFollowed"/> false.</summary>
    public string? NotFollowedBecause { get; init; }

    /// <summary>True for an include written under <c>rules:</c>, which GitLab may or may not apply.</summary>
    public bool HasRules { get; init; }
}

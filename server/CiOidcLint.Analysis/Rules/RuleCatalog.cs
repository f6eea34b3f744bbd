using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// Every rule, in one explicit list (a test checks that no <see cref="IRule"/> is left out).
/// The ids are public contract: users write them in .editorconfig and suppression comments.
/// </summary>
public static class RuleCatalog
{
    /// <summary>Where the rule pages live; a setting or option can point elsewhere (a mirror, a fork).</summary>
    public const string DefaultHelpBase = "https://gitlab.com/cioidclint/cioidclint/-/blob/main/docs/rules/";

    public const string Category = "GitLabCI";

    public static ImmutableArray<IRule> All { get; } = ImmutableArray.Create<IRule>(
        new ConfigurationErrorRule(),
        new DeprecatedJobJwtRule(),
        new IdTokenMissingAudRule(),
        new AmbiguousSecretTokenRule(),
        new ExportMasksExitCodeRule(),
        new SecretWithoutIdTokenRule(),
        new UnknownSecretTokenRule(),
        new GcpSecretNeedsTokenRule(),
        new InvalidIdTokenOrSecretRule(),
        new FoldedScriptKeepsNewlineRule(),
        new ScriptLineMissingContinuationRule(),
        new AndListIgnoresFailureRule(),
        new SuspiciousAudienceRule(),
        new UnusedIdTokenRule(),
        new UndefinedIdTokenVariableRule(),
        new IncludeNotFollowedRule(),
        new DuplicateKeyRule(),
        new CredentialInArtifactRule(),
        new CredentialInJobLogRule(),
        new IdTokenOnUnprotectedRefRule());

    public static string HelpLink(string id, string? helpBase = null) => (helpBase ?? DefaultHelpBase) + id + ".md";

    internal static DiagnosticDescriptor Describe(string id, string title, string messageFormat, DiagnosticSeverity severity, string description, params string[] tags)
        => new(id, title, messageFormat, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id), customTags: tags);
}

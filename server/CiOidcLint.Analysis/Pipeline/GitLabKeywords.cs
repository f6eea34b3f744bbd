using System;
using System.Collections.Immutable;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>GitLab's own key names (lib/gitlab/ci/config/entry/*.rb).</summary>
public static class GitLabKeywords
{
    /// <summary>Top-level keys that are not jobs.</summary>
    public static ImmutableHashSet<string> TopLevel { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "spec", "types");

    /// <summary>What a job takes from <c>default:</c> (entry/default.rb).</summary>
    public static ImmutableArray<string> DefaultKeys { get; } = ImmutableArray.Create(
        "before_script", "after_script", "hooks", "cache", "image", "services", "interruptible", "timeout", "retry", "tags", "artifacts", "id_tokens", "identity");

    /// <summary>Old top-level keys that act as defaults.</summary>
    public static ImmutableArray<string> GlobalDefaultKeys { get; } = ImmutableArray.Create("before_script", "after_script", "image", "services", "cache");

    /// <summary>The secret providers, in GitLab's order.</summary>
    public static ImmutableArray<string> SecretProviders { get; } = ImmutableArray.Create(
        "vault", "azure_key_vault", "gcp_secret_manager", "akeyless", "aws_secrets_manager", "gitlab_secrets_manager");

    /// <summary>Providers that fall back to the job's first ID token when <c>token:</c> is left out (EE build_runner_presenter.rb).</summary>
    public static ImmutableHashSet<string> FirstTokenProviders { get; } = ImmutableHashSet.Create(StringComparer.Ordinal, "vault", "azure_key_vault", "akeyless");

    /// <summary>Script sections, in the order the runner runs them.</summary>
    public static ImmutableArray<string> ScriptSections { get; } = ImmutableArray.Create("before_script", "script", "after_script");

    public static bool IsHidden(string name) => name.StartsWith(".", StringComparison.Ordinal);
}

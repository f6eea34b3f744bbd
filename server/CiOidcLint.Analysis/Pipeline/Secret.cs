using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>One entry of a job's <c>secrets:</c>.</summary>
public sealed record Secret(YamlEntry Entry)
{
    public string Name => Entry.Name;

    public YamlMapping? Mapping => Entry.Value as YamlMapping;

    /// <summary>The provider keys the secret names (GitLab allows exactly one).</summary>
    public ImmutableArray<YamlEntry> Providers => Mapping is { } m
        ? m.Entries.Where(e => GitLabKeywords.SecretProviders.Contains(e.Name)).ToImmutableArray()
        : ImmutableArray<YamlEntry>.Empty;

    /// <summary>The single provider's name, or null with none or several.</summary>
    public string? Provider => Providers.Length == 1 ? Providers[0].Name : null;

    /// <summary>The <c>token:</c> entry, or null.</summary>
    public YamlEntry? Token => Mapping?.GetEntry("token") is { Value: not YamlScalar { IsNull: true } } e ? e : null;
}

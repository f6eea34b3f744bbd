using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>An ID token a job gets, with where it was written.</summary>
public sealed record TokenGrant(IdToken Token, Origin Origin)
{
    /// <summary>The audiences, as written (<c>aud</c> may be a list); empty when there is none.</summary>
    public ImmutableArray<string> Audiences => Token.Aud switch
    {
        YamlScalar { IsNull: false } scalar => ImmutableArray.Create(scalar.Value),
        YamlSequence list => list.Items.OfType<YamlScalar>().Select(a => a.Value).ToImmutableArray(),
        _ => ImmutableArray<string>.Empty,
    };
}

/// <summary>How a secret authenticates to its provider.</summary>
public enum SecretLoginKind
{
    /// <summary><c>token: $NAME</c> names the ID token.</summary>
    Named,

    /// <summary>No <c>token:</c>: Vault, Azure Key Vault and Akeyless take the job's first ID token.</summary>
    FirstToken,

    /// <summary>No <c>token:</c>: AWS Secrets Manager reads the ID token named <c>AWS_ID_TOKEN</c>.</summary>
    ByName,

    /// <summary>GitLab's own secrets manager: GitLab mints the JWT itself and reads no <c>token:</c>.</summary>
    MintedByGitLab,

    /// <summary>No token it could use: the job has none, or <c>token:</c> is not a variable.</summary>
    None,
}

/// <summary>A secret a job reads, with where it was written and the ID token it logs in with.</summary>
public sealed record SecretGrant(Secret Secret, Origin Origin, SecretLoginKind Login, string? TokenName);

/// <summary>
/// What a job authenticates with, as GitLab composes it: its effective ID tokens and secrets,
/// each with its origin, and which token each secret sends. The editor's hover and code lens
/// show this.
/// </summary>
public sealed class JobCredentials
{
    private static readonly Regex TokenVariable = new(@"^\s*\$(?:\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}|(?<name>[A-Za-z_][A-Za-z0-9_]*))\s*$", RegexOptions.CultureInvariant);

    private JobCredentials(Job job, ImmutableArray<TokenGrant> tokens, ImmutableArray<SecretGrant> secrets)
    {
        Job = job;
        Tokens = tokens;
        Secrets = secrets;
    }

    public Job Job { get; }

    public ImmutableArray<TokenGrant> Tokens { get; }

    public ImmutableArray<SecretGrant> Secrets { get; }

    public static JobCredentials Of(Job job)
    {
        var tokens = job.IdTokens.Select(t => new TokenGrant(t, Origin.Of(t.Entry.Key))).ToImmutableArray();
        var secrets = job.Secrets.Select(s =>
        {
            var (login, name) = LoginOf(job, s);
            return new SecretGrant(s, Origin.Of(s.Entry.Key), login, name);
        }).ToImmutableArray();
        return new JobCredentials(job, tokens, secrets);
    }

    /// <summary>The name a <c>token:</c> value refers to (<c>$NAME</c>, <c>${NAME}</c>), or null.</summary>
    public static string? TokenName(YamlNode? value)
        => value is YamlScalar scalar && TokenVariable.Match(scalar.Value) is { Success: true } match ? match.Groups["name"].Value : null;

    private static (SecretLoginKind, string?) LoginOf(Job job, Secret secret)
    {
        if (secret.Provider == "gitlab_secrets_manager")
        {
            return (SecretLoginKind.MintedByGitLab, null);
        }

        if (secret.Token is { } token)
        {
            return TokenName(token.Value) is { } name ? (SecretLoginKind.Named, name) : (SecretLoginKind.None, null);
        }

        if (secret.Provider is { } provider && GitLabKeywords.FirstTokenProviders.Contains(provider) && job.IdTokens.Length > 0)
        {
            return (SecretLoginKind.FirstToken, job.IdTokens[0].Name);
        }

        return secret.Provider == "aws_secrets_manager" ? (SecretLoginKind.ByName, "AWS_ID_TOKEN") : (SecretLoginKind.None, null);
    }

    /// <summary>
    /// The templates and <c>default</c> the tokens and secrets came through, nearest first: the
    /// entries holding them that are not the job itself.
    /// </summary>
    public ImmutableArray<string> Sources => Tokens.Select(t => t.Origin.Holder).Concat(Secrets.Select(s => s.Origin.Holder))
        .Where(h => h.Length > 0 && h != Job.Name)
        .Distinct(StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>One line, as a code lens shows it: "2 ID tokens · 1 secret (token VAULT_ID_TOKEN) · from .vault-login, default".</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string>();
            if (Tokens.Length > 0)
            {
                parts.Add(Count(Tokens.Length, "ID token"));
            }

            if (Secrets.Length > 0)
            {
                var names = Secrets.Select(s => s.TokenName).Where(n => n is not null).Distinct(StringComparer.Ordinal).ToList();
                parts.Add(Count(Secrets.Length, "secret") + (names.Count > 0 ? $" (token {string.Join(", ", names)})" : string.Empty));
            }

            if (parts.Count == 0)
            {
                return "no ID token or secret";
            }

            var sources = Sources;
            if (sources.Length > 0)
            {
                parts.Add("from " + string.Join(", ", sources));
            }

            return string.Join(" · ", parts);
        }
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL008's checks of a <c>secrets:</c> block, after GitLab's entry classes: entry/secrets.rb,
/// entry/secret.rb (allowed keys, exactly one provider, <c>token</c> a string, <c>file</c> a
/// boolean) and each provider's secret.rb (vault with its engine.rb, azure_key_vault,
/// gcp_secret_manager, akeyless, aws_secrets_manager, gitlab_secrets_manager).
/// </summary>
internal static class SecretShapeChecks
{
    private static readonly ImmutableArray<string> SecretKeys = GitLabKeywords.SecretProviders.AddRange(new[] { "token", "file" });

    /// <summary>entry/gitlab_secrets_manager/secret.rb's format for <c>source</c>.</summary>
    private static readonly Regex GitLabSecretsSource = new(@"\A(project|group/[a-zA-Z0-9_\-\./]+)\z", RegexOptions.CultureInvariant);

    /// <summary>The mapping providers: their keys, and which of them must be present.</summary>
    private static readonly ImmutableDictionary<string, ProviderShape> Shapes = new[]
    {
        new ProviderShape("azure_key_vault", Required: new[] { "name" }, Optional: new[] { "version" }),

        // version is alphanumeric, a string or an integer: judged on its own.
        new ProviderShape("gcp_secret_manager", Required: new[] { "name" }, Optional: new[] { "version" }, NotStrings: new[] { "version" }),

        // entry/akeyless/secret.rb: every key is an optional string, name included.
        new ProviderShape(
            "akeyless",
            Required: Array.Empty<string>(),
            Optional: new[]
            {
                "name", "data_key", "cert_user_name", "public_key_data", "csr_data", "akeyless_api_url", "akeyless_access_type",
                "akeyless_token", "uid_token", "gcp_audience", "azure_object_id", "k8s_service_account_token", "k8s_auth_config_name",
                "akeyless_access_key", "gateway_ca_certificate",
            }),
        new ProviderShape(
            "aws_secrets_manager",
            Required: new[] { "secret_id" },
            Optional: new[] { "region", "version_id", "version_stage", "role_arn", "role_session_name", "field" }),
        new ProviderShape("gitlab_secrets_manager", Required: new[] { "name" }, Optional: new[] { "source" }),
        new ProviderShape("vault", Required: new[] { "engine", "path", "field" }, Optional: Array.Empty<string>(), NotStrings: new[] { "engine" }),
    }.ToImmutableDictionary(s => s.Provider, StringComparer.Ordinal);

    /// <summary>entry/vault/engine.rb: name and path, both required strings.</summary>
    private static readonly ProviderShape VaultEngine = new("engine", Required: new[] { "name", "path" }, Optional: Array.Empty<string>());

    public delegate void Reporter(SourceLocation location, string message);

    public static void Check(YamlEntry secrets, Reporter report)
    {
        if (secrets.Value is not YamlMapping mapping)
        {
            report(secrets.Value.Location, $"'secrets' is {YamlValueKinds.Describe(secrets.Value)}, not a mapping of variable names, so GitLab rejects the pipeline with 'secrets config should be a hash'");
            return;
        }

        foreach (var entry in mapping.Entries)
        {
            CheckSecret(entry, report);
        }
    }

    private static void CheckSecret(YamlEntry entry, Reporter report)
    {
        var name = entry.Name;
        if (entry.Value.IsReference)
        {
            return;
        }

        if (entry.Value is YamlScalar { IsNull: true })
        {
            report(entry.Key.Location, $"Secret '{name}' has no value, so GitLab rejects the pipeline: a secret is a mapping that names one provider");
            return;
        }

        if (entry.Value is not YamlMapping secret)
        {
            report(entry.Value.Location, $"Secret '{name}' is {YamlValueKinds.Describe(entry.Value)}, not a mapping that names one provider, so GitLab rejects the pipeline");
            return;
        }

        foreach (var key in secret.Entries.Where(e => !SecretKeys.Contains(e.Name)))
        {
            report(key.Key.Location, $"Secret '{name}' has the key '{key.Name}', which GitLab does not know, so it rejects the pipeline (allowed: {string.Join(", ", SecretKeys)})");
        }

        var providers = secret.Entries.Where(e => GitLabKeywords.SecretProviders.Contains(e.Name)).ToList();
        if (providers.Count == 0)
        {
            report(entry.Key.Location, $"Secret '{name}' names no provider ({string.Join(", ", GitLabKeywords.SecretProviders)}), so GitLab rejects the pipeline and nothing says where to read the secret from");
        }
        else if (providers.Count > 1)
        {
            var names = string.Join(" and ", providers.Select(p => "'" + p.Name + "'"));
            report(entry.Key.Location, $"Secret '{name}' names {providers.Count} providers, {names}, so GitLab rejects the pipeline: a secret is read from exactly one");
        }

        foreach (var provider in providers)
        {
            CheckProvider(name, provider, report);
        }

        if (secret.Get("token") is { } token && !token.IsReference && token is not YamlScalar { IsNull: true } && !YamlValueKinds.IsString(token))
        {
            report(token.Location, $"The 'token' of secret '{name}' is {YamlValueKinds.Describe(token)}, not a string such as $VAULT_ID_TOKEN, so GitLab rejects the pipeline");
        }

        if (secret.Get("file") is { } file && !file.IsReference && file is not YamlScalar { IsNull: true } && !YamlValueKinds.IsBoolean(file) && !YamlValueKinds.IsInterpolated(file))
        {
            report(file.Location, $"The 'file' of secret '{name}' is {YamlValueKinds.Describe(file)}, not true or false, so GitLab rejects the pipeline with 'file config should be a boolean value'");
        }
    }

    private static void CheckProvider(string secret, YamlEntry provider, Reporter report)
    {
        var value = provider.Value;
        var display = ProviderNames.Display(provider.Name);
        if (value.IsReference)
        {
            return;
        }

        if (value is YamlScalar { IsNull: true })
        {
            report(provider.Key.Location, $"The '{provider.Name}' of secret '{secret}' is empty, so GitLab rejects the pipeline and no {display} secret is named");
            return;
        }

        var takesString = provider.Name is "vault" or "aws_secrets_manager";
        if (value is YamlScalar scalar && takesString && YamlValueKinds.IsString(scalar))
        {
            if (YamlValueKinds.IsInterpolated(scalar))
            {
                return;
            }

            if (provider.Name == "vault")
            {
                CheckVaultString(secret, scalar, report);
            }
            else
            {
                CheckAwsString(secret, scalar, report);
            }

            return;
        }

        if (value is not YamlMapping mapping)
        {
            var expected = takesString ? "a string or a mapping" : "a mapping";
            report(value.Location, $"The '{provider.Name}' of secret '{secret}' is {YamlValueKinds.Describe(value)}, not {expected}, so GitLab rejects the pipeline");
            return;
        }

        var shape = Shapes[provider.Name];
        var owner = $"the '{provider.Name}' of secret '{secret}'";
        CheckMapping(owner, provider, mapping, shape, report);
        switch (provider.Name)
        {
            case "vault":
                if (mapping.Get("engine") is YamlMapping engine)
                {
                    var engineEntry = mapping.GetEntry("engine")!;
                    CheckMapping($"the Vault engine of secret '{secret}'", engineEntry, engine, VaultEngine, report);
                }
                else if (mapping.Get("engine") is { IsReference: false } notMapping && notMapping is not YamlScalar { IsNull: true })
                {
                    report(notMapping.Location, $"The Vault engine of secret '{secret}' is {YamlValueKinds.Describe(notMapping)}, not a mapping with 'name' and 'path', so GitLab rejects the pipeline");
                }

                break;
            case "gcp_secret_manager":
                // entry/gcp_secret_manager/secret.rb: version is alphanumeric, a string or an integer.
                if (mapping.Get("version") is { IsReference: false } version && version is not YamlScalar { IsNull: true }
                    && !YamlValueKinds.IsString(version) && !YamlValueKinds.IsInteger(version))
                {
                    report(version.Location, $"The 'version' of the GCP secret '{secret}' is {YamlValueKinds.Describe(version)}, not a string or an integer, so GitLab rejects the pipeline");
                }

                break;
            case "gitlab_secrets_manager":
                if (mapping.Get("source") is YamlScalar source && YamlValueKinds.IsString(source) && !GitLabSecretsSource.IsMatch(source.Value))
                {
                    report(source.Location, $"The 'source' of secret '{secret}' is neither 'project' nor 'group/<full path>', so GitLab rejects the pipeline");
                }

                break;
        }
    }

    /// <summary>
    /// A provider mapping (or vault's engine): unknown keys, required keys that are missing or
    /// blank, and values that are not strings, but those the shape leaves to the caller.
    /// </summary>
    private static void CheckMapping(string owner, YamlEntry entry, YamlMapping mapping, ProviderShape shape, Reporter report)
    {
        bool Known(string key) => shape.Required.Contains(key) || shape.Optional.Contains(key);
        foreach (var key in mapping.Entries.Where(e => !Known(e.Name)))
        {
            report(key.Key.Location, $"{Capitalized(owner)} has the key '{key.Name}', which GitLab does not know, so it rejects the pipeline");
        }

        var missing = shape.Required.Where(k => mapping.Get(k) is not { } v || v is YamlScalar { IsNull: true }).ToList();
        if (missing.Count > 0)
        {
            var names = Alternatives(missing.Select(k => "'" + k + "'").ToList());
            report(entry.Key.Location, $"{Capitalized(owner)} has no {names}, which GitLab requires, so it rejects the pipeline");
        }

        foreach (var key in mapping.Entries.Where(e => Known(e.Name) && shape.NotStrings?.Contains(e.Name) != true))
        {
            var value = key.Value;
            if (value.IsReference || value is YamlScalar { IsNull: true })
            {
                continue;
            }

            if (!YamlValueKinds.IsString(value))
            {
                report(value.Location, $"The '{key.Name}' of {owner} is {YamlValueKinds.Describe(value)}, not a string, so GitLab rejects the pipeline");
            }
            else if (shape.Required.Contains(key.Name) && YamlValueKinds.IsBlank(value))
            {
                report(value.Location, $"The '{key.Name}' of {owner} is blank, so GitLab rejects the pipeline with '{key.Name} can't be blank'");
            }
        }
    }

    /// <summary>
    /// GitLab reads <c>path/to/secret/field@engine-path</c> by splitting at the last '@' (no '@':
    /// the kv-v2 engine) and then at the last '/' (entry/vault/secret.rb), and accepts any
    /// non-empty string: no '/' means an empty path, which no Vault read can succeed with.
    /// </summary>
    private static void CheckVaultString(string secret, YamlScalar value, Reporter report)
    {
        var text = value.Value;
        var at = text.LastIndexOf('@');
        var pathAndField = at > 0 ? text.Substring(0, at) : text;
        var engine = at > 0 ? text.Substring(at + 1) : "kv-v2";
        var slash = pathAndField.LastIndexOf('/');
        var path = slash >= 0 ? pathAndField.Substring(0, slash) : string.Empty;
        var field = slash >= 0 ? pathAndField.Substring(slash + 1) : pathAndField;

        string? problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "is blank, so GitLab rejects the pipeline";
        }
        else if (path.Length == 0)
        {
            problem = "names no secret path: GitLab reads 'path/to/secret/field@engine-path', finds no '/' before the field, and the job asks Vault for an empty path";
        }
        else if (field.Length == 0)
        {
            problem = "ends its path with '/', so the field GitLab reads after the last '/' is empty and the job reads nothing from Vault";
        }
        else if (engine.Length == 0)
        {
            problem = "ends with '@', so the engine path GitLab reads after it is empty and the job asks Vault for a secret in no engine";
        }

        if (problem is not null)
        {
            report(value.Location, $"The Vault secret '{secret}' {problem}");
        }
    }

    /// <summary>entry/aws_secrets_manager/secret.rb: a non-empty string with at most one '#' (secret id, then field).</summary>
    private static void CheckAwsString(string secret, YamlScalar value, Reporter report)
    {
        if (string.IsNullOrWhiteSpace(value.Value))
        {
            report(value.Location, $"The 'aws_secrets_manager' of secret '{secret}' is blank, so GitLab rejects the pipeline");
        }
        else if (value.Value.Count(c => c == '#') > 1)
        {
            report(value.Location, $"The 'aws_secrets_manager' of secret '{secret}' has more than one '#', so GitLab rejects the pipeline: it reads 'secret-id#field'");
        }
    }

    /// <summary>"'a'", "'a' or 'b'", "'a', 'b' or 'c'".</summary>
    private static string Alternatives(System.Collections.Generic.List<string> items)
        => items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[items.Count - 1];

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private sealed record ProviderShape(string Provider, string[] Required, string[] Optional, string[]? NotStrings = null);
}

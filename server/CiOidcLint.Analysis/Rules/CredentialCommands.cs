using System;
using System.Collections.Generic;
using System.Linq;
using CiOidcLint.Analysis.Shell;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// Commands whose output is a credential: cloud and Vault logins that print a session token
/// or keys, and commands that read a stored secret. GitLab masks neither: the runner never
/// knew the value. Shared by the exposure rules.
/// </summary>
internal static class CredentialCommands
{
    /// <summary>Vault fields that hold no secret: reading one prints no credential.</summary>
    private static readonly string[] PlainVaultFields =
    {
        "lease_duration", "lease_id", "renewable", "policies", "token_policies", "identity_policies", "token_duration", "token_renewable", "entity_id", "accessor", "token_accessor",
    };

    /// <summary>
    /// Output narrowed to fields that hold no secret: <c>--query 'Credentials.Expiration'</c>,
    /// <c>-field=lease_duration</c>, <c>vault login -no-print</c>. Such a command prints, and a
    /// variable that captures it holds, no credential.
    /// </summary>
    private static bool IsNarrowed(string[] words)
    {
        if (words.Any(w => w is "-no-print" or "--no-print"))
        {
            return true;
        }

        var field = words.FirstOrDefault(w => w.StartsWith("-field=", StringComparison.Ordinal) || w.StartsWith("--field=", StringComparison.Ordinal));
        if (field is not null)
        {
            return PlainVaultFields.Contains(field.Substring(field.IndexOf('=') + 1));
        }

        var queryIndex = Array.FindIndex(words, w => w == "--query" || w.StartsWith("--query=", StringComparison.Ordinal));
        if (queryIndex < 0)
        {
            return false;
        }

        var query = (words[queryIndex].StartsWith("--query=", StringComparison.Ordinal) ? words[queryIndex].Substring("--query=".Length) : queryIndex + 1 < words.Length ? words[queryIndex + 1] : string.Empty).Trim('\'', '"');
        var secretFields = new[] { "SecretAccessKey", "SessionToken", "AccessKeyId", "SecretString", "SecretBinary", "accessToken" };
        return query.Length > 0 && query != "Credentials" && query != "Parameter.Value" && query != "Parameters[*].Value" && !secretFields.Any(f => query.IndexOf(f, StringComparison.OrdinalIgnoreCase) >= 0);
    }

    /// <summary>
    /// What the command prints, when it prints a credential: "the Vault token from 'vault write'",
    /// "the AWS keys from 'aws sts'", "the secret from 'vault kv get'"; null for anything else.
    /// </summary>
    public static string? Describe(ShellCommand command)
    {
        // Most commands are none of these: decide that before building anything (this runs on
        // every command and substitution of every job, on every keystroke).
        if (command.Name is not ("vault" or "aws" or "gcloud" or "az" or "curl"))
        {
            return null;
        }

        // Script parses are shared across analyses by content, so one answer per parsed command.
        return Described.GetValue(command, c => new Answer(DescribeUncached(c))).Text;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ShellCommand, Answer> Described = new();

    private sealed class Answer
    {
        public Answer(string? text)
        {
            Text = text;
        }

        public string? Text { get; }
    }

    private static string? DescribeUncached(ShellCommand command)
        // Raw text for words built from variables (auth/$VAULT_AUTH_PATH/login), literal values otherwise.
        => Describe(command.Words.Select(w => w.LiteralValue ?? w.RawText.Trim('"')).ToArray(), command.Words.Select(w => w.RawText).ToArray());

    /// <summary>
    /// The same judgement on a command given as words: <paramref name="words"/> unquoted,
    /// <paramref name="raw"/> as written (a PowerShell line's native command, say).
    /// </summary>
    public static string? Describe(string[] words, string[] raw)
    {
        if (words.Length == 0 || words[0] is not ("vault" or "aws" or "gcloud" or "az" or "curl"))
        {
            return null;
        }

        if (IsNarrowed(words))
        {
            return null;
        }

        if (words.Length < 2)
        {
            return null;
        }

        var tool = words[0];
        if (tool == "curl")
        {
            return DescribeCurl(words);
        }

        var args = words.Skip(1).Where(w => !w.StartsWith("-", StringComparison.Ordinal)).ToArray();
        var options = raw.Skip(1).Where(w => w.StartsWith("--", StringComparison.Ordinal)).Select(w => w.Split('=')[0]).ToArray();

        // A command without the arguments it needs fails and prints no credential (a login
        // whose options a missing '\' cut off, say): only a complete one counts.
        bool Has(string option) => options.Contains(option);
        bool Sub(params string[] path) => args.Length >= path.Length && path.Select((p, i) => p == args[i]).All(x => x);

        switch (tool)
        {
            case "vault":
                if (Sub("login") || (Sub("write") && args.Length > 1 && args[1].StartsWith("auth/", StringComparison.Ordinal) && args[1].EndsWith("/login", StringComparison.Ordinal) && words.Length > 3))
                {
                    return $"the Vault token from 'vault {args[0]}'";
                }

                if ((Sub("kv", "get") && words.Length > 3) || (Sub("read") && words.Length > 2))
                {
                    return $"the secret from 'vault {(args[0] == "kv" ? "kv get" : "read")}'";
                }

                return null;
            case "aws":
                if (((Sub("sts", "assume-role-with-web-identity") || Sub("sts", "assume-role")) && Has("--role-arn")) || Sub("sts", "get-session-token"))
                {
                    return "the AWS keys from 'aws sts'";
                }

                if (Sub("ecr", "get-login-password"))
                {
                    return "the registry password from 'aws ecr'";
                }

                if ((Sub("secretsmanager", "get-secret-value") && Has("--secret-id")) || (Sub("ssm", "get-parameter") && Has("--name") && Has("--with-decryption")) || (Sub("ssm", "get-parameters") && Has("--names") && Has("--with-decryption")))
                {
                    return $"the secret from 'aws {args[0]}'";
                }

                return null;
            case "gcloud":
                if (Sub("auth", "print-access-token") || Sub("auth", "print-identity-token") || Sub("auth", "application-default", "print-access-token"))
                {
                    return "the access token from 'gcloud auth'";
                }

                return Sub("secrets", "versions", "access") ? "the secret from 'gcloud secrets'" : null;
            case "az":
                if (Sub("account", "get-access-token"))
                {
                    return "the access token from 'az account'";
                }

                return Sub("keyvault", "secret", "show") ? "the secret from 'az keyvault'" : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A login or secret read through the HTTP API, as pipelines without the CLI do it:
    /// <list type="bullet">
    /// <item>Vault's login endpoint (<c>POST $VAULT_ADDR/v1/auth/jwt/login</c> with the JWT), which
    /// answers with the client token;</item>
    /// <item>a Vault read (<c>-H "X-Vault-Token: …" $VAULT_ADDR/v1/secret/data/app</c>) without a
    /// body, which answers with the secret (not <c>/v1/sys/</c>, which holds no secret);</item>
    /// <item>AWS STS's <c>Action=AssumeRoleWithWebIdentity</c>, Google's STS token exchange and
    /// <c>generateAccessToken</c>, Microsoft Entra ID's <c>oauth2/…/token</c>.</item>
    /// </list>
    /// Output sent to a file (<c>-o</c>, <c>--output</c>) is not printed.
    /// </summary>
    private static string? DescribeCurl(string[] words)
    {
        var sendsBody = false;
        var vaultHeader = false;
        var method = "GET";
        for (var i = 1; i < words.Length; i++)
        {
            var word = words[i];
            var toFile = word is "-o" or "--output" ? !(i + 1 < words.Length && words[i + 1] == "-")
                : word is "-O" or "--remote-name" || (word.Length > 2 && word[0] == '-' && word[1] == 'o');
            if (toFile)
            {
                return null;
            }

            if (word.StartsWith("-d", StringComparison.Ordinal) || word.StartsWith("--data", StringComparison.Ordinal) || word is "--json" or "-F" or "--form")
            {
                sendsBody = true;
            }

            if ((word is "-X" or "--request") && i + 1 < words.Length)
            {
                method = words[i + 1].ToUpperInvariant();
            }

            vaultHeader |= word.IndexOf("X-Vault-Token", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        return DescribeHttp("curl", words.Skip(1), sendsBody, vaultHeader, method);
    }

    /// <summary>
    /// An HTTP call, from <c>curl</c> or PowerShell's <c>Invoke-RestMethod</c>, given its words (a
    /// URL among them), whether it sends a body, whether it sends a Vault token, and its method.
    /// </summary>
    public static string? DescribeHttp(string tool, IEnumerable<string> words, bool sendsBody, bool vaultHeader, string method)
    {
        foreach (var word in words)
        {
            var url = word.Trim('\'', '"');
            var path = url.Split('?')[0].TrimEnd('/');
            if (url.IndexOf("/v1/auth/", StringComparison.Ordinal) >= 0 && path.EndsWith("/login", StringComparison.Ordinal) && sendsBody)
            {
                return $"the Vault token from '{tool}' (Vault's login API)";
            }

            if (vaultHeader && !sendsBody && method == "GET" && url.IndexOf("/v1/", StringComparison.Ordinal) >= 0
                && url.IndexOf("/v1/sys/", StringComparison.Ordinal) < 0 && url.IndexOf("/v1/auth/", StringComparison.Ordinal) < 0)
            {
                return $"the secret from '{tool}' (Vault's API)";
            }

            if (url.IndexOf("Action=AssumeRoleWithWebIdentity", StringComparison.Ordinal) >= 0 || url.IndexOf("Action=AssumeRole&", StringComparison.Ordinal) >= 0)
            {
                return $"the AWS keys from '{tool}' (the STS API)";
            }

            if (sendsBody && (url.IndexOf("sts.googleapis.com/v1/token", StringComparison.Ordinal) >= 0 || url.IndexOf(":generateAccessToken", StringComparison.Ordinal) >= 0))
            {
                return $"the access token from '{tool}' (Google's token API)";
            }

            if (sendsBody && url.IndexOf("login.microsoftonline.com/", StringComparison.Ordinal) >= 0 && path.EndsWith("/token", StringComparison.Ordinal))
            {
                return $"the access token from '{tool}' (Microsoft Entra ID)";
            }
        }

        return null;
    }
}

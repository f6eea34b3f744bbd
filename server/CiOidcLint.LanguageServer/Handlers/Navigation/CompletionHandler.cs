using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Handlers.Navigation;

/// <summary>
/// <c>textDocument/completion</c>: the job's ID token names after <c>$</c> (in <c>token: $</c> and
/// in scripts); <c>aud</c> inside an ID token; <c>token</c> and the provider keys inside a secret.
/// Keys are found by indentation, so completion works in the half-typed YAML it is asked about.
/// </summary>
public sealed class CompletionHandler : RequestHandler<TextDocumentPositionParams, CompletionList>
{
    private static readonly Regex AfterDollar = new(@"\$\{?(?<partial>[A-Za-z0-9_]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex KeyStart = new(@"^(?<indent>\s*)(?<partial>[A-Za-z_]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex KeyLine = new(@"^(?<indent>\s*)(?:-\s+)?(?<key>[^\s#:][^:#]*?):(?:\s|$)", RegexOptions.CultureInvariant);

    public override string Method => "textDocument/completion";

    public override async Task<CompletionList?> HandleAsync(TextDocumentPositionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (await RequestDocument.GetAsync(context.Snapshot, request.TextDocument.Uri, request.Position, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        var text = document.Text;
        var line = text.Lines.GetLineFromPosition(document.Offset);
        var before = text.ToString(TextSpan.FromBounds(line.Start, document.Offset));
        var items = new List<CompletionItem>();

        var features = context.State.Features;
        if (AfterDollar.Match(before) is { Success: true } dollar)
        {
            var partial = dollar.Groups["partial"];
            var range = DiagnosticFactory.ToRange(text, new TextSpan(line.Start + partial.Index, partial.Length));
            var jobs = PipelineNavigator.JobsAt(document.Analysis, document.File, document.Offset).ToList();
            var tokens = jobs.SelectMany(j => j.IdTokens).GroupBy(t => t.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
            if (tokens.Count == 0)
            {
                tokens = document.Analysis.PipelinesOf(document.File.Path).SelectMany(p => p.Pipeline.Jobs).SelectMany(j => j.IdTokens)
                    .GroupBy(t => t.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
            }

            // In a secret's token:, the token whose audience fits the secret's provider comes first.
            var inToken = TokenValue.IsMatch(before) && Parents(text, line.LineNumber, Indent(before)) is [var secret, "secrets", ..] ? secret : null;
            var provider = inToken is null ? null : jobs.SelectMany(j => j.Secrets).FirstOrDefault(x => x.Name == inToken)?.Provider;
            var ranked = tokens.Select(t => (Token: t, Fit: Fit(provider, t))).OrderBy(t => t.Fit).ThenBy(t => t.Token.Name, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ranked.Count; i++)
            {
                var token = ranked[i].Token;
                var aud = new TokenGrant(token, Origin.Of(token.Entry.Key)).Audiences;
                items.Add(new CompletionItem
                {
                    Label = token.Name,
                    Kind = CompletionItemKind.Variable,
                    Detail = "ID token" + (aud.IsEmpty ? string.Empty : ", aud " + string.Join(", ", aud)),
                    SortText = $"0{ranked[i].Fit}{i:D4}",
                    Preselect = i == 0 && inToken is not null ? true : null,
                    TextEdit = new TextEdit { Range = range, NewText = token.Name },
                });
            }

            if (inToken is null)
            {
                // In scripts, GitLab's own variables after the job's tokens; the removed JWTs tagged so.
                foreach (var variable in PredefinedVariables.All)
                {
                    items.Add(new CompletionItem
                    {
                        Label = variable.Name,
                        Kind = CompletionItemKind.Variable,
                        Detail = variable.IsRemoved ? "removed in GitLab 17.0" : "predefined",
                        Documentation = new MarkupContent { Value = variable.Help },
                        Tags = variable.IsRemoved && features.DeprecatedCompletionTag ? new[] { CompletionItemTag.Deprecated } : null,
                        SortText = (variable.IsRemoved ? "2" : "1") + variable.Name,
                        TextEdit = new TextEdit { Range = range, NewText = variable.Name },
                    });
                }
            }
        }
        else if (AudValue.Match(before) is { Success: true } aud && Parents(text, line.LineNumber, aud.Groups["indent"].Length) is [_, "id_tokens", ..])
        {
            var partial = aud.Groups["partial"];
            var range = DiagnosticFactory.ToRange(text, new TextSpan(line.Start + partial.Index, partial.Length));
            var jobs = PipelineNavigator.JobsAt(document.Analysis, document.File, document.Offset).ToList();
            var audiences = new List<(string Value, string Help)>(CommonAudiences);
            var vaultAddress = jobs.Select(j => (j.Get("variables") as YamlMapping)?.Get("VAULT_ADDR"))
                .Concat(document.Analysis.PipelinesOf(document.File.Path).Select(p => (p.Pipeline.Config.Get("variables") as YamlMapping)?.Get("VAULT_ADDR")))
                .OfType<YamlScalar>().FirstOrDefault();
            if (vaultAddress is not null)
            {
                audiences.Insert(0, ("$VAULT_ADDR", $"Vault's address as the job's `VAULT_ADDR` sets it (`{vaultAddress.Value}`): what a Vault JWT role's `bound_audiences` usually holds."));
            }

            for (var i = 0; i < audiences.Count; i++)
            {
                items.Add(new CompletionItem
                {
                    Label = audiences[i].Value,
                    Kind = CompletionItemKind.Value,
                    Documentation = new MarkupContent { Value = audiences[i].Help },
                    SortText = i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                    TextEdit = new TextEdit { Range = range, NewText = audiences[i].Value },
                });
            }
        }
        else if (KeyStart.Match(before) is { Success: true } key)
        {
            var indent = key.Groups["indent"].Length;
            var parents = Parents(text, line.LineNumber, indent);
            var partial = key.Groups["partial"];
            var range = DiagnosticFactory.ToRange(text, new TextSpan(line.Start + partial.Index, partial.Length));
            if (parents is [_, "id_tokens", ..])
            {
                items.Add(Key("aud", HelpTexts.Aud, range));
            }
            else if (parents is [_, "secrets", ..])
            {
                items.Add(Key("token", HelpTexts.Token, range));
                var pad = key.Groups["indent"].Value;
                foreach (var provider in ProviderSnippets)
                {
                    items.Add(new CompletionItem
                    {
                        Label = provider.Name,
                        Kind = CompletionItemKind.Property,
                        Detail = provider.Detail,
                        Documentation = new MarkupContent { Value = $"**{provider.Name}** — the secret's provider. Inserts its required keys." },
                        InsertTextFormat = features.Snippets ? 2 : 1,
                        // Its lines carry the key's indentation already; VS Code would add it again.
                        InsertTextMode = 1,
                        TextEdit = new TextEdit { Range = range, NewText = Snippet(provider.Body, pad, features.Snippets) },
                    });
                }
            }
        }

        return new CompletionList { IsIncomplete = false, Items = items };
    }

    private static readonly Regex TokenValue = new(@"^\s*token:\s*\$\{?[A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex AudValue = new(@"^(?<indent>\s*)aud:\s*(?<partial>[^\s#\[\]]*)$", RegexOptions.CultureInvariant);

    /// <summary>The audiences clouds and signers expect, for <c>aud:</c>.</summary>
    private static readonly (string Value, string Help)[] CommonAudiences =
    {
        ("sts.amazonaws.com", "AWS: what `AssumeRoleWithWebIdentity` checks when the IAM OIDC provider was created with this audience (the console's default)."),
        ("https://iam.googleapis.com/projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL_ID/providers/PROVIDER_ID", "Google Cloud Workload Identity Federation: the provider's full resource name, the default allowed audience."),
        ("api://AzureADTokenExchange", "Azure / Entra ID workload identity federation: the audience a federated credential expects by default."),
        ("sigstore", "Sigstore (cosign keyless signing with Fulcio)."),
        ("$CI_SERVER_URL", "The GitLab instance's URL: a common `bound_audiences` for Vault and OpenBao JWT roles."),
    };

    /// <summary>Each provider's required keys, as a snippet at the provider key's indentation (`\n` starts a line there; `  ` nests).</summary>
    private static readonly (string Name, string Detail, string Body)[] ProviderSnippets =
    {
        ("vault", "HashiCorp Vault / OpenBao", "vault: ${1:production/db/password}@${2:ops}\ntoken: \\$${3:VAULT_ID_TOKEN}"),
        ("azure_key_vault", "Azure Key Vault", "azure_key_vault:\n  name: ${1:secret-name}\n  version: ${2:secret-version}\ntoken: \\$${3:AZURE_ID_TOKEN}"),
        ("gcp_secret_manager", "Google Cloud Secret Manager", "gcp_secret_manager:\n  name: ${1:secret-name}\n  version: ${2:latest}\ntoken: \\$${3:GCP_ID_TOKEN}"),
        ("akeyless", "Akeyless", "akeyless:\n  name: ${1:/path/to/secret}\ntoken: \\$${2:AKEYLESS_ID_TOKEN}"),
        ("aws_secrets_manager", "AWS Secrets Manager", "aws_secrets_manager:\n  secret_id: ${1:secret-id}\n  region: ${2:us-east-1}\ntoken: \\$${3:AWS_ID_TOKEN}"),
        ("gitlab_secrets_manager", "GitLab secrets manager (GitLab mints its own JWT)", "gitlab_secrets_manager:\n  name: ${1:secret-name}"),
    };

    private static CompletionItem Key(string name, string help, Protocol.Range range) => new()
    {
        Label = name,
        Kind = CompletionItemKind.Property,
        Documentation = new MarkupContent { Value = help },
        TextEdit = new TextEdit { Range = range, NewText = name + ": " },
    };

    /// <summary>The snippet's lines at the key's indentation; without snippet support, its placeholders' default text.</summary>
    private static string Snippet(string body, string indent, bool snippets)
    {
        var text = body.Replace("\n", "\n" + indent);
        if (snippets)
        {
            return text;
        }

        return Regex.Replace(text, @"\$\{\d+:(?<text>[^}]*)\}", m => m.Groups["text"].Value).Replace("\\$", "$");
    }

    /// <summary>How well a token suits a provider, by its audience and name: 0 fits, 1 may, 2 does not say.</summary>
    private static int Fit(string? provider, IdToken token)
    {
        if (provider is null)
        {
            return 2;
        }

        var aud = token.Aud is YamlScalar scalar ? scalar.Value : string.Join(" ", (token.Aud as YamlSequence)?.Items.OfType<YamlScalar>().Select(a => a.Value) ?? Enumerable.Empty<string>());
        var hints = provider switch
        {
            "vault" => new[] { "vault", "openbao", "bao" },
            "aws_secrets_manager" => new[] { "amazonaws", "aws" },
            "gcp_secret_manager" => new[] { "googleapis", "gcp", "google" },
            "azure_key_vault" => new[] { "azure", "AzureADTokenExchange" },
            "akeyless" => new[] { "akeyless" },
            _ => Array.Empty<string>(),
        };
        if (hints.Any(h => aud.IndexOf(h, StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return 0;
        }

        return hints.Any(h => token.Name.IndexOf(h, StringComparison.OrdinalIgnoreCase) >= 0) ? 0 : 1;
    }

    private static int Indent(string text) => text.Length - text.TrimStart(' ').Length;

    /// <summary>The keys above a line by indentation, nearest first: <c>[DB_PASSWORD, secrets, deploy]</c>.</summary>
    private static List<string> Parents(SourceText text, int lineNumber, int indent)
    {
        var parents = new List<string>();
        for (var n = lineNumber - 1; n >= 0 && indent > 0; n--)
        {
            var match = KeyLine.Match(text.ToString(text.Lines[n].Span));
            if (match.Success && match.Groups["indent"].Length < indent)
            {
                parents.Add(match.Groups["key"].Value.Trim().Trim('"', '\''));
                indent = match.Groups["indent"].Length;
            }
        }

        return parents;
    }
}

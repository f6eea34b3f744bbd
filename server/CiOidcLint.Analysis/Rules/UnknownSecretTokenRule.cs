using CiOidcLint.Analysis.Fixes;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL006: <c>secrets:*:token</c> that is not <c>$NAME</c> or <c>${NAME}</c> of an ID token of the
/// job. The runner expands the string, so a typo, a missing <c>$</c> or a deleted token sends an
/// empty or literal JWT (GitLab does not check the name).
/// </summary>
public sealed class UnknownSecretTokenRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL006",
        "Unknown secret token",
        "The token of secret '{0}' {1}, so the runner sends no usable JWT and the login fails ({2})",
        DiagnosticSeverity.Error,
        "secrets:*:token must be $NAME or ${NAME} of an ID token the job defines.");

    private static readonly Regex Reference = new(@"\A\$(?:(?<name>[A-Za-z_][A-Za-z0-9_]*)|\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\})\z", RegexOptions.CultureInvariant);

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "unknown-secret-token";

    public bool NeedsJobContext => true;

    public void AnalyzeJob(JobContext context)
    {
        var tokens = context.Job.IdTokens.Select(t => t.Name).ToList();
        foreach (var secret in context.Job.Secrets)
        {
            if (secret.Token is not { } entry || secret.Provider is "gitlab_secrets_manager")
            {
                // gitlab_secrets_manager mints its own token; token: is irrelevant there.
                continue;
            }

            if (tokens.Count == 0 && secret.Provider is { } provider && GitLabKeywords.FirstTokenProviders.Contains(provider))
            {
                // A Vault-like secret in a job with no ID token at all is CIOL005's finding.
                continue;
            }

            if (entry.Value is not YamlScalar { IsNonString: false } scalar)
            {
                // Not a string at all: CIOL008's shape check.
                continue;
            }

            var value = scalar.Value;
            if (value.IndexOf("CI_JOB_JWT", System.StringComparison.Ordinal) >= 0)
            {
                // One problem, one finding: a deprecated JWT is CIOL001's.
                continue;
            }

            var match = Reference.Match(value);
            string problem;
            if (!match.Success)
            {
                problem = tokens.Contains(value) ? $"is '{value}' without '$'" : "is not a reference to an ID token ($NAME)";
            }
            else if (!tokens.Contains(match.Groups["name"].Value))
            {
                problem = $"names '{match.Groups["name"].Value}', which is not an ID token of the job";
            }
            else
            {
                continue;
            }

            context.Report(scalar.Location, TokenChoiceFixes.Replace(scalar.File, scalar.Span, context.Job.IdTokens, name => "$" + name), secret.Name, problem);
        }
    }
}

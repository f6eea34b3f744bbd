using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL003: a Vault, Azure Key Vault or Akeyless secret without <c>token:</c> in a job with
/// several ID tokens. GitLab then takes the "first" token, but stores tokens as jsonb, which
/// reorders keys: the docs say which one is used cannot be predicted.
/// </summary>
public sealed class AmbiguousSecretTokenRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL003",
        "Ambiguous secret token",
        "Secret '{0}' names no 'token' while its job has several ID tokens, so GitLab picks one unpredictably and the {1} login may present the wrong audience ({2})",
        DiagnosticSeverity.Warning,
        "With two or more ID tokens, a secret must say which one authenticates it.");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "ambiguous-secret-token";

    public bool NeedsJobContext => true;

    public void AnalyzeJob(JobContext context)
    {
        if (context.Job.IdTokens.Length < 2)
        {
            return;
        }

        foreach (var secret in context.Job.Secrets)
        {
            if (secret.Provider is { } provider && GitLabKeywords.FirstTokenProviders.Contains(provider) && secret.Token is null)
            {
                context.Report(secret.Entry.Key.Location, TokenChoiceFixes.InsertSecretToken(secret, context.Job.IdTokens), secret.Name, ProviderNames.Display(provider));
            }
        }
    }
}

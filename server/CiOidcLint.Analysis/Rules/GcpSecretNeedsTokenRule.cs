using CiOidcLint.Analysis.Fixes;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>CIOL007: a <c>gcp_secret_manager</c> secret without <c>token:</c>, which GitLab requires ("is required with gcp secrets manager").</summary>
public sealed class GcpSecretNeedsTokenRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL007",
        "GCP secret needs token",
        "Secret '{0}' reads from GCP Secret Manager without 'token', which GitLab requires, so the pipeline is rejected ({1})",
        DiagnosticSeverity.Error,
        "GCP Secret Manager secrets never fall back to a default token: token: must name an ID token of the job.");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "gcp-secret-needs-token";

    public bool NeedsJobContext => true;

    public void AnalyzeJob(JobContext context)
    {
        foreach (var secret in context.Job.Secrets)
        {
            if (secret.Provider == "gcp_secret_manager" && secret.Token is null)
            {
                context.Report(secret.Entry.Key.Location, TokenChoiceFixes.InsertSecretToken(secret, context.Job.IdTokens), secret.Name);
            }
        }
    }
}

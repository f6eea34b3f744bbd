using Microsoft.CodeAnalysis.Text;
using System.Collections.Immutable;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL005: a Vault, Azure Key Vault or Akeyless secret in a job with no ID token. GitLab then
/// falls back to <c>CI_JOB_JWT</c> / <c>CI_JOB_JWT_V2</c> (EE build_runner_presenter.rb), which
/// are empty since 17.0, so the login fails.
/// </summary>
public sealed class SecretWithoutIdTokenRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL005",
        "Secret without ID token",
        "Secret '{0}' is read from {1} in a job with no ID token: {2}, so the login fails ({3})",
        DiagnosticSeverity.Error,
        "Since GitLab 17.0 a secrets: entry authenticates only with an ID token of its job.");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "secret-without-id-token";

    public bool NeedsJobContext => true;

    public void AnalyzeJob(JobContext context)
    {
        if (!context.Job.IdTokens.IsEmpty)
        {
            return;
        }

        foreach (var secret in context.Job.Secrets)
        {
            // A token: that names CI_JOB_JWT* is CIOL001's finding: one problem, one finding.
            if (secret.Provider is { } provider && GitLabKeywords.FirstTokenProviders.Contains(provider)
                && (secret.Token?.Value as YamlScalar)?.Value.IndexOf("CI_JOB_JWT", System.StringComparison.Ordinal) is null or < 0)
            {
                var why = secret.Token is null
                    ? "GitLab falls back to CI_JOB_JWT, which is empty since 17.0"
                    : "its token names no ID token and expands to nothing";
                context.Report(secret.Entry.Key.Location, Fix(context, secret), secret.Name, ProviderNames.Display(provider), why);
            }
        }
    }

    /// <summary>Gives the job an ID token and points the secret at it (replacing a token: that names nothing).</summary>
    private static ImmutableArray<CodeFix> Fix(JobContext context, Secret secret)
    {
        var file = secret.Entry.Key.File;
        var add = IdTokenFixes.AddToken(context.Job, file, secret.Entry.Key.Span.Start, IdTokenFixes.NewTokenName);
        var reference = secret.Token is { Value: YamlScalar scalar }
            ? (scalar.File == file ? new TextChange(scalar.Span, "$" + IdTokenFixes.NewTokenName) : (TextChange?)null)
            : IdTokenFixes.AddSecretToken(secret, IdTokenFixes.NewTokenName);
        if (add is null || reference is null || (secret.Mapping is { } m && m.File != file))
        {
            return ImmutableArray<CodeFix>.Empty;
        }

        return ImmutableArray.Create(CodeFixes.InFile($"Add ID token {IdTokenFixes.NewTokenName} and use it for secret '{secret.Name}'", true, file.Path, add.Value, reference.Value));
    }
}

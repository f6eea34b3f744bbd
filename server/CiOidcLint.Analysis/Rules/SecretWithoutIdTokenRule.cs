using System.Linq;
using System.Collections.Generic;
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

        var affected = context.Job.Secrets.Where(IsAffected).ToList();
        foreach (var secret in affected)
        {
            var why = secret.Token is null
                ? "GitLab falls back to CI_JOB_JWT, which is empty since 17.0"
                : "its token names no ID token and expands to nothing";
            context.Report(secret.Entry.Key.Location, Fix(context, secret, affected), secret.Name, ProviderNames.Display(secret.Provider!), why);
        }
    }

    /// <summary>A Vault-like secret; a token: that names CI_JOB_JWT* is CIOL001's finding (one problem, one finding).</summary>
    private static bool IsAffected(Secret secret)
        => secret.Provider is { } provider && GitLabKeywords.FirstTokenProviders.Contains(provider)
            && (secret.Token?.Value as YamlScalar)?.Value.IndexOf("CI_JOB_JWT", System.StringComparison.Ordinal) is null or < 0;

    /// <summary>
    /// Gives the job an ID token and points every affected secret at it (replacing a token: that
    /// names nothing): fixing one secret at a time would leave the others naming a dead token.
    /// </summary>
    private static ImmutableArray<CodeFix> Fix(JobContext context, Secret secret, List<Secret> affected)
    {
        var file = secret.Entry.Key.File;
        if (YamlEdits.HolderOf(file, secret.Entry.Key.Span.Start) is { } holder
            && holder.Name != context.Job.Name
            && context.Pipeline.Jobs.Any(j => j != context.Job && !j.IdTokens.IsEmpty
                && (j.Bases.Contains(holder.Name) || j.Secrets.Any(other => other.Mapping is not null && other.Mapping == secret.Mapping))))
        {
            // The secret is a template's, and another job that extends it or references it has
            // tokens of its own and works: naming a new token in the secret would change it.
            return ImmutableArray<CodeFix>.Empty;
        }

        var add = IdTokenFixes.AddToken(context.Job, file, secret.Entry.Key.Span.Start, IdTokenFixes.NewTokenName);
        if (add is null)
        {
            return ImmutableArray<CodeFix>.Empty;
        }

        var changes = new List<TextChange> { add.Value };
        foreach (var other in affected)
        {
            TextChange? reference = other.Token is { Value: YamlScalar scalar }
                ? (scalar.File == file ? new TextChange(scalar.Span, "$" + IdTokenFixes.NewTokenName) : null)
                : (other.Mapping?.File == file ? IdTokenFixes.AddSecretToken(other, IdTokenFixes.NewTokenName) : null);
            if (reference is null)
            {
                return ImmutableArray<CodeFix>.Empty;
            }

            changes.Add(reference.Value);
        }

        return ImmutableArray.Create(CodeFixes.InFile($"Add ID token {IdTokenFixes.NewTokenName} and use it for the job's secrets", true, file.Path, changes.ToArray()));
    }
}

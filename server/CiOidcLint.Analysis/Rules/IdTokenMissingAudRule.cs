using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>CIOL002: an ID token without <c>aud</c>, which GitLab rejects (entry/id_token.rb: required_keys aud).</summary>
public sealed class IdTokenMissingAudRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL002",
        "ID token missing aud",
        "ID token '{0}' {1}, so GitLab rejects the pipeline with 'id token config missing required keys: aud' ({2})",
        DiagnosticSeverity.Error,
        "Every id_tokens entry needs an aud: the audience the cloud or Vault role is bound to.");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "id-token-missing-aud";

    public bool NeedsJobContext => false;

    public void AnalyzeJob(JobContext context)
    {
        foreach (var token in context.Job.IdTokens)
        {
            if (Problem(token) is { } problem)
            {
                context.Report(token.Entry.Key.Location, token.Name, problem);
            }
        }
    }

    private static string? Problem(IdToken token)
    {
        switch (token.Entry.Value)
        {
            case YamlScalar { IsNull: true }:
                return "has no value";
            case YamlMapping:
                return token.Aud switch
                {
                    null => "has no 'aud'",
                    YamlScalar { IsNull: true } => "has an empty 'aud'",
                    YamlScalar { Value: "" } => "has an empty 'aud'",
                    YamlSequence { Items.Length: 0 } => "has an empty 'aud' list",
                    _ => null,
                };
            default:
                // Any other shape (a bare string, a list) is CIOL008's to report.
                return null;
        }
    }
}

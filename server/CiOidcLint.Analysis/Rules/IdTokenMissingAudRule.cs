using Microsoft.CodeAnalysis.Text;
using System.Collections.Immutable;
using CiOidcLint.Analysis.Fixes;
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
                context.Report(token.Entry.Key.Location, Fix(token), token.Name, problem);
            }
        }
    }

    /// <summary><c>aud: $CI_SERVER_URL</c>, written where the token's shape allows it.</summary>
    private static ImmutableArray<CodeFix> Fix(IdToken token)
    {
        var entry = token.Entry;
        var file = entry.Key.File;
        var text = file.Text;
        const string Aud = IdTokenFixes.NewTokenAud;
        TextChange? change = entry.Value switch
        {
            YamlScalar { IsNull: true, Value: "" } when entry.Value.File == file
                => YamlEdits.FillEmptyValue(file, entry, new[] { new SnippetLine(0, "aud: " + Aud) }),
            YamlScalar { IsNull: true } value when value.File == file => new TextChange(value.Span, "{aud: " + Aud + "}"),
            YamlMapping { WrittenEntries.Length: 0, IsFlow: true } value when value.File == file => new TextChange(value.Span, "{aud: " + Aud + "}"),
            YamlMapping { IsFlow: true, IsSynthetic: false } value when value.File == file && text[value.Span.Start] == '{' && token.Aud is null
                => new TextChange(new TextSpan(value.Span.Start + 1, 0), "aud: " + Aud + ", "),
            YamlMapping value when token.Aud is null => YamlEdits.InsertFirst(file, value, new[] { new SnippetLine(0, "aud: " + Aud) }),
            YamlMapping value when value.GetEntry("aud") is { } aud && aud.Value.File == file => aud.Value switch
            {
                YamlScalar { IsNull: true, Value: "" } when aud.Value.Span.Length == 0 && YamlEdits.ColonAfter(text, aud.Key) is var colon and >= 0
                    => new TextChange(new TextSpan(colon + 1, 0), " " + Aud),
                _ => new TextChange(aud.Value.Span, Aud),
            },
            _ => null,
        };

        return change is { } c
            ? ImmutableArray.Create(CodeFixes.InFile("Set aud to " + Aud, true, file.Path, c))
            : ImmutableArray<CodeFix>.Empty;
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

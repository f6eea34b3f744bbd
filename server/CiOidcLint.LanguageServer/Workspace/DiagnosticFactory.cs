using System;
using System.Collections.Generic;
using System.Linq;
using CiOidcLint.Analysis.Rules;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using LspDiagnostic = CiOidcLint.LanguageServer.Protocol.Diagnostic;
using LspRange = CiOidcLint.LanguageServer.Protocol.Range;
using Location = CiOidcLint.LanguageServer.Protocol.Location;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>Findings as LSP diagnostics, with only the fields the client said it understands.</summary>
public static class DiagnosticFactory
{
    public const string Source = "cioidclint";

    /// <summary>More related places than anyone reads; a template used by hundreds of jobs names the first ones.</summary>
    private const int MaxRelated = 20;

    public static LspDiagnostic Create(AnalyzedFinding analyzed, WorkspaceSnapshot snapshot, ClientFeatures features)
    {
        var finding = analyzed.Finding;
        var descriptor = finding.Diagnostic.Descriptor;
        var tags = descriptor.CustomTags
            .Select(t => t switch { "Deprecated" => DiagnosticTag.Deprecated, "Unnecessary" => DiagnosticTag.Unnecessary, _ => 0 })
            .Where(t => t != 0 && features.DiagnosticTags.Contains(t))
            .ToList();
        return new LspDiagnostic
        {
            Range = ToRange(finding.Location.LineSpan),
            Severity = ToSeverity(finding.Severity),
            Code = finding.Id,
            CodeDescription = features.CodeDescription ? new CodeDescription { Href = RuleCatalog.HelpLink(finding.Id, snapshot.Settings.HelpBaseUri) } : null,
            Source = Source,
            Message = finding.Message,
            Tags = tags.Count > 0 ? tags : null,
            RelatedInformation = features.RelatedInformation ? Related(analyzed, snapshot) : null,
        };
    }

    public static int ToSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => DiagnosticSeverityKind.Error,
        DiagnosticSeverity.Warning => DiagnosticSeverityKind.Warning,
        DiagnosticSeverity.Info => DiagnosticSeverityKind.Information,
        _ => DiagnosticSeverityKind.Hint,
    };

    public static LspRange ToRange(LinePositionSpan span) => new()
    {
        Start = new Position { Line = span.Start.Line, Character = span.Start.Character },
        End = new Position { Line = span.End.Line, Character = span.End.Character },
    };

    public static LspRange ToRange(SourceText text, TextSpan span) => ToRange(text.Lines.GetLinePositionSpan(span));

    /// <summary>
    /// The jobs a finding reaches from elsewhere (a template, <c>default:</c>, an included file),
    /// each at its name: where the finding lies inside the job itself, it says nothing new.
    /// </summary>
    private static IReadOnlyList<DiagnosticRelatedInformation>? Related(AnalyzedFinding analyzed, WorkspaceSnapshot snapshot)
    {
        var finding = analyzed.Finding;
        var related = new List<DiagnosticRelatedInformation>();
        foreach (var name in finding.Jobs)
        {
            if (related.Count == MaxRelated)
            {
                break;
            }

            // A finding merged across pipelines names jobs of each of them.
            if ((analyzed.Pipeline.FindJob(name) ?? analyzed.AlsoIn.Select(p => p.FindJob(name)).FirstOrDefault(j => j is not null)) is not { } job)
            {
                continue;
            }

            var key = job.Declaration.Key;
            var declared = TextSpan.FromBounds(key.Span.Start, Math.Max(key.Span.End, job.Declaration.Value.Span.End));
            if (key.File.Path == finding.Path && declared.Contains(finding.Location.Span.Start))
            {
                continue;
            }

            related.Add(new DiagnosticRelatedInformation
            {
                Location = new Location { Uri = snapshot.UriOf(key.File.Path), Range = ToRange(key.File.Text, key.Span) },
                Message = $"{(job.IsHidden ? "template" : "job")} '{name}' is affected",
            });
        }

        return related.Count > 0 ? related : null;
    }
}

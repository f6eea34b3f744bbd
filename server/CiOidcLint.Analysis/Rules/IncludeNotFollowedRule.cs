using System;
using System.Linq;
using CiOidcLint.Analysis.Pipeline;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>CIOL015: an include the linter cannot read offline; findings that may depend on it are held back.</summary>
public sealed class IncludeNotFollowedRule : IPipelineRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL015",
        "Include not followed",
        "The {0} include '{1}' is not read: {2}, so what it brings is not checked{3}",
        DiagnosticSeverity.Info,
        "The linter never touches the network. Jobs whose extends or !reference targets may come from such an include are not judged on what needs their whole configuration.");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "include-not-followed";

    public void AnalyzePipeline(PipelineContext context)
    {
        var heldBack = context.Pipeline.Jobs.Where(j => j.IsIncomplete && !j.IsHidden).Select(j => "'" + j.Name + "'").ToList();
        var note = heldBack.Count == 0
            ? string.Empty
            : $"; findings for job{(heldBack.Count == 1 ? string.Empty : "s")} {string.Join(", ", heldBack.Take(10))}{(heldBack.Count > 10 ? $" and {heldBack.Count - 10} more" : string.Empty)} that may depend on it are held back";
        foreach (var include in context.Pipeline.Includes.Where(i => !i.IsFollowed))
        {
            context.Report(include.Node.Location, PipelineBuilder.KindName(include.Kind), Redact(include.Target), include.NotFollowedBecause ?? "it is not local", note);
        }
    }

    /// <summary>Messages land in merge-request reports: never repeat credentials or query strings from a URL.</summary>
    internal static string Redact(string target)
    {
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            return target;
        }

        return uri.Scheme + "://" + uri.Authority + uri.AbsolutePath;
    }
}

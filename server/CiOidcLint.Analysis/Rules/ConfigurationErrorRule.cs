using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>CIOL000: what GitLab rejects outright — YAML that does not parse, broken includes, extends and references.</summary>
public sealed class ConfigurationErrorRule : IFileRule, IPipelineRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL000",
        "Configuration error",
        "{0}",
        DiagnosticSeverity.Error,
        "GitLab rejects the pipeline: the YAML does not parse, an include is missing, or an extends or !reference names nothing.");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "configuration-error";

    public void AnalyzeFile(FileContext context)
    {
        foreach (var problem in context.File.Problems)
        {
            if (problem.Kind != SyntaxProblemKind.DuplicateKey)
            {
                context.Report(new SourceLocation(context.File, problem.Span), problem.Message);
            }
        }
    }

    public void AnalyzePipeline(PipelineContext context)
    {
        foreach (var problem in context.Pipeline.Problems)
        {
            context.Report(problem.Location, problem.Message);
        }
    }
}

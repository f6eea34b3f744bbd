using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// A rule: one descriptor, and one or more of the visitor interfaces below, from general to
/// specific. Rules hold no state; the engine calls them on every file, pipeline and job.
/// </summary>
public interface IRule
{
    DiagnosticDescriptor Descriptor { get; }

    /// <summary>The kebab-case name used in docs anchors and SARIF (<c>export-masks-exit-code</c>).</summary>
    string Name { get; }
}

/// <summary>Called once per file of the pipeline, on its syntax.</summary>
public interface IFileRule : IRule
{
    void AnalyzeFile(FileContext context);
}

/// <summary>Called once per pipeline.</summary>
public interface IPipelineRule : IRule
{
    void AnalyzePipeline(PipelineContext context);
}

/// <summary>
/// Called per job. A rule that needs no job context runs on every job, on templates that no
/// job uses and on <c>default:</c>; one that does runs on complete, concrete jobs only.
/// </summary>
public interface IJobRule : IRule
{
    bool NeedsJobContext { get; }

    void AnalyzeJob(JobContext context);
}

using System.Collections.Generic;
using System.Collections.Immutable;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>What every rule context offers: the pipeline and a way to report.</summary>
public abstract class RuleContext
{
    private readonly IFindingSink _collector;
    private readonly DiagnosticDescriptor _descriptor;

    private protected RuleContext(PipelineConfig pipeline, DiagnosticDescriptor descriptor, IFindingSink collector)
    {
        Pipeline = pipeline;
        _descriptor = descriptor;
        _collector = collector;
    }

    public PipelineConfig Pipeline { get; }

    /// <summary>The job the finding is about, for the "in jobs …" part of the message.</summary>
    protected virtual JobUnit? Unit => null;

    /// <summary>
    /// Reports a finding at <paramref name="location"/>. The message arguments come first; the
    /// engine adds one more, the jobs affected, after all jobs were seen.
    /// </summary>
    public void Report(SourceLocation location, params object[] messageArgs)
        => _collector.Add(_descriptor, location, Unit, messageArgs, ImmutableArray<CodeFix>.Empty);

    public void Report(SourceLocation location, ImmutableArray<CodeFix> fixes, params object[] messageArgs)
        => _collector.Add(_descriptor, location, Unit, messageArgs, fixes);
}

public sealed class FileContext : RuleContext
{
    internal FileContext(PipelineConfig pipeline, SyntaxFile file, DiagnosticDescriptor descriptor, IFindingSink collector)
        : base(pipeline, descriptor, collector)
    {
        File = file;
    }

    public SyntaxFile File { get; }
}

public sealed class PipelineContext : RuleContext
{
    private readonly IFindingSink _collector;
    private readonly DiagnosticDescriptor _descriptor;

    internal PipelineContext(PipelineConfig pipeline, DiagnosticDescriptor descriptor, IFindingSink collector)
        : base(pipeline, descriptor, collector)
    {
        _collector = collector;
        _descriptor = descriptor;
    }

    /// <summary>Reports a finding that a pipeline-wide judgement makes about the given jobs.</summary>
    public void ReportFor(SourceLocation location, IEnumerable<Job> jobs, ImmutableArray<CodeFix> fixes, params object[] messageArgs)
    {
        foreach (var job in jobs)
        {
            _collector.Add(_descriptor, location, new JobUnit(job, job.IsHidden ? JobUnitKind.Template : JobUnitKind.Job), messageArgs, fixes);
        }
    }
}

public sealed class JobContext : RuleContext
{
    private readonly JobUnit _unit;

    internal JobContext(PipelineConfig pipeline, JobUnit unit, DiagnosticDescriptor descriptor, IFindingSink collector)
        : base(pipeline, descriptor, collector)
    {
        _unit = unit;
    }

    public Job Job => _unit.Job;

    /// <summary>Whether this is a job that runs, a template nothing uses, or <c>default:</c>.</summary>
    public JobUnitKind Kind => _unit.Kind;

    protected override JobUnit? Unit => _unit;
}

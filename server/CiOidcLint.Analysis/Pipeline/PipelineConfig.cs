using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>A pipeline configuration: the root file, everything it includes locally, and its jobs as GitLab composes them.</summary>
public sealed class PipelineConfig
{
    private readonly Dictionary<string, Job> _jobsByName;
    private readonly System.Lazy<bool> _hasDotenvReports;

    internal PipelineConfig(
        SyntaxFile root,
        ImmutableArray<SyntaxFile> files,
        ImmutableArray<Include> includes,
        ImmutableArray<PipelineProblem> problems,
        YamlMapping config,
        YamlMapping? @default,
        ImmutableArray<Job> jobs)
    {
        Root = root;
        Files = files;
        Includes = includes;
        Problems = problems;
        Config = config;
        Default = @default;
        Jobs = jobs;
        _jobsByName = jobs.ToDictionary(j => j.Name, System.StringComparer.Ordinal);
        _hasDotenvReports = new System.Lazy<bool>(
            () => Jobs.Any(j => (j.Get("artifacts") as YamlMapping)?.Get("reports") is YamlMapping reports && reports.ContainsKey("dotenv")),
            System.Threading.LazyThreadSafetyMode.PublicationOnly);
    }

    public SyntaxFile Root { get; }

    /// <summary>Every file of the pipeline, the root first, then includes in the order GitLab reads them.</summary>
    public ImmutableArray<SyntaxFile> Files { get; }

    public ImmutableArray<Include> Includes { get; }

    /// <summary>Configuration errors (CIOL000) found while composing.</summary>
    public ImmutableArray<PipelineProblem> Problems { get; }

    /// <summary>The top level after <c>include:</c> merging.</summary>
    public YamlMapping Config { get; }

    /// <summary>The effective <c>default:</c> (with the old top-level <c>image</c>, <c>before_script</c>… folded in).</summary>
    public YamlMapping? Default { get; }

    /// <summary>Jobs and hidden jobs, in the order the configuration lists them.</summary>
    public ImmutableArray<Job> Jobs { get; }

    /// <summary>Jobs that run (not hidden).</summary>
    public IEnumerable<Job> ConcreteJobs => Jobs.Where(j => !j.IsHidden);

    /// <summary>
    /// Whether some job publishes an <c>artifacts:reports:dotenv</c>, whose variables reach later
    /// jobs at run time under any name. Asked once per job, so computed once per pipeline.
    /// </summary>
    public bool HasDotenvReports => _hasDotenvReports.Value;

    public bool HasUnfollowedIncludes => Includes.Any(i => !i.IsFollowed);

    public Job? FindJob(string name) => _jobsByName.TryGetValue(name, out var job) ? job : null;
}

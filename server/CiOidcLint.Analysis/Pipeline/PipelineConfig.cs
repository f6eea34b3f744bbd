using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>A pipeline configuration: the root file, everything it includes locally, and its jobs as GitLab composes them.</summary>
public sealed class PipelineConfig
{
    private readonly Dictionary<string, Job> _jobsByName;

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

    public bool HasUnfollowedIncludes => Includes.Any(i => !i.IsFollowed);

    public Job? FindJob(string name) => _jobsByName.TryGetValue(name, out var job) ? job : null;
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CiOidcLint.Analysis.Configuration;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Rules;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Engine;

/// <summary>Runs the rules over a composed pipeline: files, then the pipeline, then each job.</summary>
public sealed class PipelineAnalyzer
{
    public PipelineAnalyzer(ImmutableArray<IRule>? rules = null)
    {
        Rules = rules ?? RuleCatalog.All;
    }

    public ImmutableArray<IRule> Rules { get; }

    public ImmutableArray<Finding> Analyze(PipelineConfig pipeline, SeverityConfiguration? severities = null, CancellationToken cancellationToken = default)
    {
        var collector = new FindingCollector();
        foreach (var file in pipeline.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var rule in Rules.OfType<IFileRule>())
            {
                rule.AnalyzeFile(new FileContext(pipeline, file, rule.Descriptor, collector));
            }
        }

        foreach (var rule in Rules.OfType<IPipelineRule>())
        {
            rule.AnalyzePipeline(new PipelineContext(pipeline, rule.Descriptor, collector));
        }

        var jobRules = Rules.OfType<IJobRule>().ToList();
        foreach (var unit in Units(pipeline))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var rule in jobRules)
            {
                if (rule.NeedsJobContext && (unit.Kind != JobUnitKind.Job || unit.Job.IsIncomplete))
                {
                    continue;
                }

                rule.AnalyzeJob(new JobContext(pipeline, unit, rule.Descriptor, collector));
            }
        }

        return Unsuppressed(collector.ToFindings(severities ?? SeverityConfiguration.Default));
    }

    /// <summary>Drops the findings an ignore comment silences, reading each file's comments once.</summary>
    private static ImmutableArray<Finding> Unsuppressed(ImmutableArray<Finding> findings)
    {
        var byFile = new Dictionary<SyntaxFile, Suppressions>();
        var kept = ImmutableArray.CreateBuilder<Finding>(findings.Length);
        foreach (var finding in findings)
        {
            var file = finding.Location.File;
            if (!byFile.TryGetValue(file, out var suppressions))
            {
                suppressions = byFile[file] = Suppressions.Read(file);
            }

            if (!suppressions.IsSuppressed(finding.Id, finding.Location.Span))
            {
                kept.Add(finding);
            }
        }

        return kept.Count == findings.Length ? findings : kept.ToImmutable();
    }

    /// <summary>
    /// The jobs that run; the templates no running job extends (another pipeline may include
    /// them); and <c>default:</c>, which GitLab validates whatever the jobs override.
    /// </summary>
    internal static IEnumerable<JobUnit> Units(PipelineConfig pipeline)
    {
        var used = new HashSet<string>(pipeline.ConcreteJobs.SelectMany(j => j.Bases), System.StringComparer.Ordinal);
        foreach (var job in pipeline.Jobs)
        {
            if (!job.IsHidden)
            {
                yield return new JobUnit(job, JobUnitKind.Job);
            }
            else if (!used.Contains(job.Name))
            {
                yield return new JobUnit(job, JobUnitKind.Template);
            }
        }

        if (pipeline.Default is { } @default && pipeline.Config.GetEntry("default") is { } entry)
        {
            yield return new JobUnit(new Job("default", new YamlEntry(entry.Key, @default)), JobUnitKind.Default);
        }
    }
}

using System;
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

    /// <summary>How many threads analyse jobs at most; 1 keeps everything on the calling thread.</summary>
    public int MaxParallelism { get; init; } = Math.Min(Environment.ProcessorCount, 8);

    /// <summary>Below this many jobs one thread is faster than handing work out.</summary>
    private const int ParallelThreshold = 64;

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

        var units = Units(pipeline).ToList();
        var slices = units.Count >= ParallelThreshold ? Math.Max(1, MaxParallelism) : 1;
        if (slices > 1)
        {
            // Jobs read their tokens, secrets and lines lazily, and lines parse as shell on first
            // use: do all of that up front, on every core, so that the rules after this (the
            // pipeline-wide ones on one thread, the job ones in slices) only read finished values.
            var jobs = pipeline.Jobs.Concat(units.Select(u => u.Job)).Distinct().ToList();
            RunSlices(jobs.Count, slices, cancellationToken, (from, to) =>
            {
                for (var i = from; i < to; i++)
                {
                    _ = jobs[i].IdTokens;
                    _ = jobs[i].Secrets;
                    foreach (var line in jobs[i].ScriptLines)
                    {
                        _ = line.Shell;
                    }
                }
            });
        }

        foreach (var rule in Rules.OfType<IPipelineRule>())
        {
            rule.AnalyzePipeline(new PipelineContext(pipeline, rule.Descriptor, collector));
        }

        var jobRules = Rules.OfType<IJobRule>().ToList();

        // Jobs are independent: big pipelines are analysed on every core, in slices whose
        // findings are then taken in order, so the result is the same as on one thread.
        var collectors = new FindingCollector[slices];
        void AnalyzeSlice(int slice)
        {
            var sliceCollector = collectors[slice] = new FindingCollector();
            for (var i = slice * units.Count / slices; i < (slice + 1) * units.Count / slices; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var unit = units[i];
                foreach (var rule in jobRules)
                {
                    if (rule.NeedsJobContext && (unit.Kind != JobUnitKind.Job || unit.Job.IsIncomplete))
                    {
                        continue;
                    }

                    rule.AnalyzeJob(new JobContext(pipeline, unit, rule.Descriptor, sliceCollector));
                }
            }
        }

        RunSlices(slices, slices, cancellationToken, (slice, _) => AnalyzeSlice(slice));

        foreach (var sliceCollector in collectors)
        {
            collector.AddRange(sliceCollector);
        }

        return Unsuppressed(collector.ToFindings(severities ?? SeverityConfiguration.Default));
    }

    /// <summary>
    /// Runs <paramref name="work"/> over <c>[0, count)</c> cut into <paramref name="slices"/>
    /// ranges, on the calling thread when there is one slice; an exception surfaces unwrapped.
    /// </summary>
    private static void RunSlices(int count, int slices, CancellationToken cancellationToken, Action<int, int> work)
    {
        if (slices <= 1)
        {
            work(0, count);
            return;
        }

        // With as many slices as items, each item is one slice (the job analysis hands out slice numbers).
        var perItem = count == slices;
        try
        {
            System.Threading.Tasks.Parallel.For(0, slices, new System.Threading.Tasks.ParallelOptions { CancellationToken = cancellationToken }, slice =>
            {
                if (perItem)
                {
                    work(slice, slice + 1);
                }
                else
                {
                    work(slice * count / slices, (slice + 1) * count / slices);
                }
            });
        }
        catch (AggregateException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
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

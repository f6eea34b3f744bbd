using CiOidcLint.Analysis.Rules;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Configuration;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Engine;

/// <summary>
/// Gathers reports into findings: one per rule, place and message, naming every job that
/// reached it (a template used by five jobs is one finding, not five).
/// </summary>
internal sealed class FindingCollector : IFindingSink
{
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly List<Pending> _order = new();

    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, JobUnit? unit, object[] args, ImmutableArray<CodeFix> fixes)
    {
        var key = string.Join("\u0001", new object[] { descriptor.Id, location.File.Path, location.Span.Start, location.Span.Length }.Concat(args));
        var pending = Find(key, descriptor, location, args);
        pending.Offer(unit?.Kind == JobUnitKind.Job, fixes);
        if (unit is not null)
        {
            pending.Units.Add(unit);
        }
    }

    /// <summary>
    /// Takes in what another collector gathered, as if its reports had come after this one's:
    /// how job units analysed on several threads end up with the same findings as in one.
    /// </summary>
    public void AddRange(FindingCollector other)
    {
        foreach (var pending in other._order)
        {
            var target = Find(pending.Key, pending.Descriptor, pending.Location, pending.Args);
            if (pending.JobFixes is { } jobFixes)
            {
                target.Offer(fromJob: true, jobFixes);
            }

            if (pending.OtherFixes is { } otherFixes)
            {
                target.Offer(fromJob: false, otherFixes);
            }

            target.Units.AddRange(pending.Units);
        }
    }

    private Pending Find(string key, DiagnosticDescriptor descriptor, SourceLocation location, object[] args)
    {
        if (!_pending.TryGetValue(key, out var pending))
        {
            pending = new Pending(key, descriptor, location, args);
            _pending[key] = pending;
            _order.Add(pending);
        }

        return pending;
    }

    public ImmutableArray<Finding> ToFindings(SeverityConfiguration severities)
    {
        var findings = ImmutableArray.CreateBuilder<Finding>(_order.Count);
        foreach (var pending in _order)
        {
            var severity = severities.GetSeverity(pending.Descriptor, pending.Location.File.Path);
            if (severity is null)
            {
                continue;
            }

            var reach = pending.Units.Select(u => new FindingReach(u.Kind, u.Job.Name)).Distinct().ToImmutableArray();
            var args = pending.Args.Concat(new object[] { FindingReach.Describe(reach) }).ToArray();
            var location = Location.Create(pending.Location.File.Path, pending.Location.Span, pending.Location.LineSpan);
            var diagnostic = Diagnostic.Create(
                pending.Descriptor,
                location,
                severity.Value,
                additionalLocations: null,
                properties: null,
                messageArgs: args);
            findings.Add(new Finding(diagnostic, pending.Location, pending.Fixes) { Jobs = FindingReach.JobsOf(reach), MessageArgs = pending.Args.ToImmutableArray(), Reach = reach });
        }

        return findings.ToImmutable();
    }

    private sealed class Pending
    {
        public Pending(string key, DiagnosticDescriptor descriptor, SourceLocation location, object[] args)
        {
            Key = key;
            Descriptor = descriptor;
            Location = location;
            Args = args;
        }

        public string Key { get; }

        public DiagnosticDescriptor Descriptor { get; }

        public SourceLocation Location { get; }

        public object[] Args { get; }

        /// <summary>The fixes right for every job that runs and reaches the place, or null when none does.</summary>
        public ImmutableArray<CodeFix>? JobFixes { get; private set; }

        /// <summary>The same for templates judged on their own, <c>default:</c> and the pipeline.</summary>
        public ImmutableArray<CodeFix>? OtherFixes { get; private set; }

        /// <summary>
        /// The fixes offered: those of the jobs that run, when any reaches the place. A template a
        /// job uses through <c>!reference</c> is also judged on its own, and a fix right for the
        /// template alone (a token written into it) does nothing for the job; where both reach
        /// the place, the job's fix is the one that works. A place several jobs share keeps only
        /// the fixes right for all of them.
        /// </summary>
        public ImmutableArray<CodeFix> Fixes => JobFixes ?? OtherFixes ?? ImmutableArray<CodeFix>.Empty;

        public List<JobUnit> Units { get; } = new();

        public void Offer(bool fromJob, ImmutableArray<CodeFix> fixes)
        {
            if (fromJob)
            {
                JobFixes = Intersect(JobFixes, fixes);
            }
            else
            {
                OtherFixes = Intersect(OtherFixes, fixes);
            }
        }

        private static ImmutableArray<CodeFix> Intersect(ImmutableArray<CodeFix>? kept, ImmutableArray<CodeFix> offered)
            => kept is { } current ? current.Where(f => offered.Any(g => FixComparer.Instance.Equals(f, g))).ToImmutableArray() : offered;
    }
}

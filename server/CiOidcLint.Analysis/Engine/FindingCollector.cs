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
internal sealed class FindingCollector
{
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly List<Pending> _order = new();

    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, JobUnit? unit, object[] args, ImmutableArray<CodeFix> fixes)
    {
        var key = string.Join("\u0001", new object[] { descriptor.Id, location.File.Path, location.Span.Start, location.Span.Length }.Concat(args));
        var pending = Find(key, descriptor, location, args, fixes);
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
            Find(pending.Key, pending.Descriptor, pending.Location, pending.Args, pending.Fixes).Units.AddRange(pending.Units);
        }
    }

    private Pending Find(string key, DiagnosticDescriptor descriptor, SourceLocation location, object[] args, ImmutableArray<CodeFix> fixes)
    {
        if (!_pending.TryGetValue(key, out var pending))
        {
            pending = new Pending(key, descriptor, location, args, fixes);
            _pending[key] = pending;
            _order.Add(pending);
        }
        else
        {
            // A place several jobs share (a template) keeps only the fixes right for all of them.
            pending.Fixes = pending.Fixes.Where(f => fixes.Any(g => FixComparer.Instance.Equals(f, g))).ToImmutableArray();
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
        public Pending(string key, DiagnosticDescriptor descriptor, SourceLocation location, object[] args, ImmutableArray<CodeFix> fixes)
        {
            Key = key;
            Descriptor = descriptor;
            Location = location;
            Args = args;
            Fixes = fixes;
        }

        public string Key { get; }

        public DiagnosticDescriptor Descriptor { get; }

        public SourceLocation Location { get; }

        public object[] Args { get; }

        public ImmutableArray<CodeFix> Fixes { get; set; }

        public List<JobUnit> Units { get; } = new();
    }
}

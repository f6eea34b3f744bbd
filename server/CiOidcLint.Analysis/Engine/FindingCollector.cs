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
    private const int JobsNamedInMessage = 5;

    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly List<Pending> _order = new();

    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, JobUnit? unit, object[] args, ImmutableArray<CodeFix> fixes)
    {
        var key = string.Join("\u0001", new object[] { descriptor.Id, location.File.Path, location.Span.Start, location.Span.Length }.Concat(args));
        if (!_pending.TryGetValue(key, out var pending))
        {
            pending = new Pending(descriptor, location, args, fixes);
            _pending[key] = pending;
            _order.Add(pending);
        }
        else
        {
            // A place several jobs share (a template) keeps only the fixes right for all of them.
            pending.Fixes = pending.Fixes.Where(f => fixes.Any(g => FixComparer.Instance.Equals(f, g))).ToImmutableArray();
        }

        if (unit is not null)
        {
            pending.Units.Add(unit);
        }
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

            var jobs = JobsOf(pending.Units);
            var args = pending.Args.Concat(new object[] { Where(pending.Units) }).ToArray();
            var location = Location.Create(pending.Location.File.Path, pending.Location.Span, pending.Location.LineSpan);
            var diagnostic = Diagnostic.Create(
                pending.Descriptor,
                location,
                severity.Value,
                additionalLocations: null,
                properties: null,
                messageArgs: args);
            findings.Add(new Finding(diagnostic, pending.Location, pending.Fixes) { Jobs = jobs });
        }

        return findings.ToImmutable();
    }

    private static ImmutableArray<string> JobsOf(List<JobUnit> units)
        => units.Where(u => u.Kind != JobUnitKind.Default).Select(u => u.Job.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>"in job 'a'", "in jobs 'a', 'b'", "in template '.t'", "in default:" — jobs that run come first.</summary>
    private static string Where(List<JobUnit> units)
    {
        if (units.Count == 0)
        {
            return "in the pipeline";
        }

        var jobs = units.Where(u => u.Kind == JobUnitKind.Job).Select(u => u.Job.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (jobs.Count > 0)
        {
            return (jobs.Count == 1 ? "in job " : "in jobs ") + NameList(jobs);
        }

        var templates = units.Where(u => u.Kind == JobUnitKind.Template).Select(u => u.Job.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (templates.Count > 0)
        {
            return (templates.Count == 1 ? "in template " : "in templates ") + NameList(templates);
        }

        return "in default:";
    }

    private static string NameList(List<string> names)
    {
        var shown = string.Join(", ", names.Take(JobsNamedInMessage).Select(n => "'" + n + "'"));
        return names.Count > JobsNamedInMessage ? $"{shown} and {names.Count - JobsNamedInMessage} more" : shown;
    }

    private sealed class Pending
    {
        public Pending(DiagnosticDescriptor descriptor, SourceLocation location, object[] args, ImmutableArray<CodeFix> fixes)
        {
            Descriptor = descriptor;
            Location = location;
            Args = args;
            Fixes = fixes;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public SourceLocation Location { get; }

        public object[] Args { get; }

        public ImmutableArray<CodeFix> Fixes { get; set; }

        public List<JobUnit> Units { get; } = new();
    }
}

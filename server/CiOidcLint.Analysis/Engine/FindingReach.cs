using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Rules;

namespace CiOidcLint.Analysis.Engine;

/// <summary>A job, template or <c>default:</c> a finding was reached through.</summary>
public readonly record struct FindingReach(JobUnitKind Kind, string Name)
{
    private const int JobsNamedInMessage = 5;

    /// <summary>The jobs and templates reached (not <c>default:</c>), sorted.</summary>
    internal static ImmutableArray<string> JobsOf(IEnumerable<FindingReach> reach)
        => reach.Where(r => r.Kind != JobUnitKind.Default).Select(r => r.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>"in job 'a'", "in jobs 'a', 'b'", "in template '.t'", "in default:" — jobs that run come first.</summary>
    internal static string Describe(IReadOnlyCollection<FindingReach> reach)
    {
        if (reach.Count == 0)
        {
            return "in the pipeline";
        }

        var jobs = Names(reach, JobUnitKind.Job);
        if (jobs.Count > 0)
        {
            return (jobs.Count == 1 ? "in job " : "in jobs ") + NameList(jobs);
        }

        var templates = Names(reach, JobUnitKind.Template);
        if (templates.Count > 0)
        {
            return (templates.Count == 1 ? "in template " : "in templates ") + NameList(templates);
        }

        return "in default:";
    }

    private static List<string> Names(IEnumerable<FindingReach> reach, JobUnitKind kind)
        => reach.Where(r => r.Kind == kind).Select(r => r.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();

    private static string NameList(List<string> names)
    {
        var shown = string.Join(", ", names.Take(JobsNamedInMessage).Select(n => "'" + n + "'"));
        return names.Count > JobsNamedInMessage ? $"{shown} and {names.Count - JobsNamedInMessage} more" : shown;
    }
}

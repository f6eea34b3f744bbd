using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>Collects configuration errors once per place, gathering the jobs each one breaks.</summary>
internal sealed class ProblemList
{
    private readonly Dictionary<(string Path, int Start, int Length, string Message), (SourceLocation Location, SortedSet<string> Jobs)> _problems = new();
    private readonly List<(string Path, int Start, int Length, string Message)> _order = new();

    public void Add(SourceLocation location, string message, string? job = null)
    {
        var key = (location.File.Path, location.Span.Start, location.Span.Length, message);
        if (!_problems.TryGetValue(key, out var problem))
        {
            problem = (location, new SortedSet<string>(System.StringComparer.Ordinal));
            _problems[key] = problem;
            _order.Add(key);
        }

        if (job is not null)
        {
            problem.Jobs.Add(job);
        }
    }

    public ImmutableArray<PipelineProblem> ToImmutable()
        => _order.Select(k => new PipelineProblem(_problems[k].Location, k.Message) { Jobs = _problems[k].Jobs.ToImmutableArray() }).ToImmutableArray();
}

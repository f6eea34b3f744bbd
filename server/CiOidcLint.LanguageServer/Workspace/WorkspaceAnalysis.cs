using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>
/// The pipelines of one snapshot and their findings, each once (a file in two pipelines
/// reports a problem once, naming the jobs of both), grouped by file.
/// </summary>
public sealed class WorkspaceAnalysis
{
    public static readonly WorkspaceAnalysis Empty = new(ImmutableArray<PipelineResult>.Empty, ImmutableHashSet<string>.Empty);

    private readonly Dictionary<string, SyntaxFile> _files = new(StringComparer.Ordinal);

    public WorkspaceAnalysis(ImmutableArray<PipelineResult> pipelines, ImmutableHashSet<string> openPaths)
    {
        Pipelines = pipelines;
        foreach (var file in pipelines.SelectMany(p => p.Pipeline.Files))
        {
            _files.TryAdd(file.Path, file);
        }

        Findings = FindingMerge.AcrossPipelines(
            pipelines.SelectMany(p => p.Findings.Select(f => new AnalyzedFinding(f, p.Pipeline))),
            a => a.Finding,
            (a, group, merged) => a with { Finding = merged, AlsoIn = group.Skip(1).Select(g => g.Pipeline).ToImmutableArray() });
        FindingsByPath = Findings.GroupBy(f => f.Finding.Path, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

        // A pipeline is open when one of its files is: all its files then get diagnostics.
        OpenPipelineFiles = pipelines
            .Where(p => p.Pipeline.Files.Any(f => openPaths.Contains(f.Path)))
            .SelectMany(p => p.Pipeline.Files.Select(f => f.Path))
            .ToImmutableHashSet(StringComparer.Ordinal);
    }

    public ImmutableArray<PipelineResult> Pipelines { get; }

    public ImmutableArray<AnalyzedFinding> Findings { get; }

    public ImmutableDictionary<string, ImmutableArray<AnalyzedFinding>> FindingsByPath { get; }

    /// <summary>Every file of the pipelines that hold an open document.</summary>
    public ImmutableHashSet<string> OpenPipelineFiles { get; }

    /// <summary>The parsed file, as the pipelines read it (the text the findings' positions refer to).</summary>
    public SyntaxFile? GetFile(string path) => _files.TryGetValue(path, out var file) ? file : null;

    public ImmutableArray<AnalyzedFinding> FindingsIn(string path) => FindingsByPath.TryGetValue(path, out var found) ? found : ImmutableArray<AnalyzedFinding>.Empty;

    /// <summary>The pipelines a file belongs to (the root pipeline first).</summary>
    public IEnumerable<PipelineResult> PipelinesOf(string path) => Pipelines.Where(p => p.Pipeline.Files.Any(f => f.Path == path));
}

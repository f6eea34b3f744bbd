using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CiOidcLint.Analysis.Configuration;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Workspace;

/// <summary>One composed pipeline and what the rules found in it.</summary>
public sealed record PipelineResult(PipelineConfig Pipeline, ImmutableArray<Finding> Findings);

/// <summary>
/// Analyses a repository the way every front door does: the pipeline rooted at
/// <c>.gitlab-ci.yml</c>, plus any YAML file that pipeline does not include, each as a pipeline
/// of its own. Files are parsed once, whichever pipelines they belong to.
/// </summary>
public sealed class RepositoryAnalysis
{
    public const string RootPipelinePath = ".gitlab-ci.yml";

    private readonly IPipelineFileSystem _fileSystem;
    private readonly PipelineAnalyzer _analyzer;
    private readonly Func<PipelineConfig, SeverityConfiguration> _severities;
    private readonly Dictionary<string, SyntaxFile> _parsed = new(StringComparer.Ordinal);

    public RepositoryAnalysis(IPipelineFileSystem fileSystem, SeverityConfiguration? severities = null, PipelineAnalyzer? analyzer = null)
    {
        _fileSystem = fileSystem;
        var fixedSeverities = severities ?? SeverityConfiguration.Default;
        _severities = _ => fixedSeverities;
        _analyzer = analyzer ?? new PipelineAnalyzer();
    }

    /// <summary>
    /// Severities from the repository's <c>.editorconfig</c> files, per pipeline: those that apply
    /// to any file it is made of, as every front door finds them (<see cref="RepositoryScope"/>).
    /// </summary>
    public RepositoryAnalysis(IPipelineFileSystem fileSystem, RepositoryScope scope, PipelineAnalyzer? analyzer = null)
    {
        _fileSystem = fileSystem;
        _severities = pipeline => scope.SeveritiesFor(pipeline.Files.Select(f => f.Path));
        _analyzer = analyzer ?? new PipelineAnalyzer();
    }

    /// <summary>
    /// The root pipeline (when <c>.gitlab-ci.yml</c> exists), then each of <paramref name="otherFiles"/>
    /// that no earlier pipeline holds, as a pipeline of its own.
    /// </summary>
    public ImmutableArray<PipelineResult> Analyze(IEnumerable<string> otherFiles, CancellationToken cancellationToken = default)
    {
        var results = ImmutableArray.CreateBuilder<PipelineResult>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in new[] { RootPipelinePath }.Concat(otherFiles))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (covered.Contains(root))
            {
                continue;
            }

            var result = AnalyzePipeline(root, cancellationToken);
            if (result is null)
            {
                continue;
            }

            results.Add(result);
            covered.UnionWith(result.Pipeline.Files.Select(f => f.Path));
        }

        return results.ToImmutable();
    }

    /// <summary>
    /// The pipeline rooted at <paramref name="rootPath"/> as GitLab composes it, without running the
    /// rules (what <c>cioidclint show</c> prints); null when that file does not exist.
    /// </summary>
    public PipelineConfig? Compose(string rootPath)
        => Parse(rootPath, null) is { } root ? new PipelineBuilder(_fileSystem, (path, text) => Parse(path, text)!).Build(root) : null;

    /// <summary>The pipeline rooted at <paramref name="rootPath"/>, or null when that file does not exist.</summary>
    public PipelineResult? AnalyzePipeline(string rootPath, CancellationToken cancellationToken = default)
    {
        var root = Parse(rootPath, null);
        if (root is null)
        {
            return null;
        }

        var pipeline = new PipelineBuilder(_fileSystem, (path, text) => Parse(path, text)!).Build(root);
        return new PipelineResult(pipeline, _analyzer.Analyze(pipeline, _severities(pipeline), cancellationToken));
    }

    private SyntaxFile? Parse(string path, SourceText? text)
    {
        if (_parsed.TryGetValue(path, out var file))
        {
            return file;
        }

        text ??= _fileSystem.ReadFile(path);
        if (text is null)
        {
            return null;
        }

        return _parsed[path] = SyntaxFile.Parse(path, text);
    }
}

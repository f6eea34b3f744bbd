using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Rules;
using CiOidcLint.Analysis.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CiOidcLint.Analyzers;

/// <summary>
/// The repository's GitLab pipeline, analysed as <c>cioidclint check</c> does (the root
/// <c>.gitlab-ci.yml</c>, what it includes locally, and the pipelines the
/// <c>CiOidcLintPipelineGlobs</c> property names), once per compilation, from the compilation's
/// AdditionalFiles; each finding is reported on the additional file and span where it belongs,
/// with the CLI's id, message, help link and the severity the repository's <c>.editorconfig</c>
/// files give it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class GitLabPipelineAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleCatalog.All.Select(r => r.Descriptor).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var files = start.Options.AdditionalFiles;
            var options = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var root = options.TryGetValue("build_property.CiOidcLintRoot", out var given) && given.Trim().Length > 0 ? given.Trim() : RootOf(files);
            if (root is null)
            {
                return;
            }

            var globs = options.TryGetValue("build_property.CiOidcLintPipelineGlobs", out var globList)
                ? globList.Split(';').Select(g => g.Trim()).Where(g => g.Length > 0).ToImmutableArray()
                : ImmutableArray<string>.Empty;

            // Once per compilation, by whichever additional file asks first, the others waiting
            // for it; under the compilation's own token, which cancels them all together.
            var token = start.CancellationToken;
            var analysis = new Lazy<Results>(() => Analyze(root, files, globs, token), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterAdditionalFileAction(file =>
            {
                var results = analysis.Value;
                if (results.FileSystem.ToRepositoryPath(file.AdditionalFile.Path) is not { } path
                    || !results.ByPath.TryGetValue(path, out var findings))
                {
                    return;
                }

                foreach (var finding in findings)
                {
                    file.ReportDiagnostic(ToDiagnostic(finding, file.AdditionalFile.Path));
                }
            });
        });
    }

    private sealed class Results
    {
        public Results(AdditionalFilesFileSystem fileSystem, Dictionary<string, List<Finding>> byPath)
        {
            FileSystem = fileSystem;
            ByPath = byPath;
        }

        public AdditionalFilesFileSystem FileSystem { get; }

        public Dictionary<string, List<Finding>> ByPath { get; }
    }

    private static Results Analyze(string root, ImmutableArray<AdditionalText> files, ImmutableArray<string> globs, CancellationToken cancellationToken)
    {
        var fileSystem = new AdditionalFilesFileSystem(root, files, cancellationToken);
        var scope = new RepositoryScope(root, fileSystem.ReadFullPath);
        var standalone = globs.IsEmpty
            ? new List<string>()
            : fileSystem.Paths.Where(p => globs.Any(g => new Analysis.Pipeline.FileGlob(g).IsMatch(p))).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var results = new RepositoryAnalysis(fileSystem, scope).Analyze(standalone, cancellationToken);
        var byPath = new Dictionary<string, List<Finding>>(AdditionalFilesFileSystem.PathComparer);
        foreach (var finding in FindingMerge.AcrossPipelines(results.SelectMany(r => r.Findings)))
        {
            if (!byPath.TryGetValue(finding.Path, out var list))
            {
                byPath[finding.Path] = list = new List<Finding>();
            }

            list.Add(finding);
        }

        return new Results(fileSystem, byPath);
    }

    /// <summary>The finding on the additional file's own path, with the engine's severity (from .editorconfig).</summary>
    private static Diagnostic ToDiagnostic(Finding finding, string filePath)
    {
        var descriptor = finding.Diagnostic.Descriptor;
        var location = Location.Create(filePath, finding.Location.Span, finding.Location.LineSpan);
        return Diagnostic.Create(
            descriptor.Id,
            descriptor.Category,
            finding.Message,
            finding.Severity,
            descriptor.DefaultSeverity,
            descriptor.IsEnabledByDefault,
            warningLevel: finding.Severity == DiagnosticSeverity.Error ? 0 : 1,
            title: descriptor.Title,
            description: descriptor.Description,
            helpLink: descriptor.HelpLinkUri,
            location: location,
            customTags: descriptor.CustomTags);
    }

    /// <summary>Without the property: the folder of the shallowest <c>.gitlab-ci.yml</c> among the additional files.</summary>
    private static string? RootOf(ImmutableArray<AdditionalText> files)
        => files.Select(f => f.Path.Replace('\\', '/'))
            .Where(p => p.EndsWith("/" + RepositoryAnalysis.RootPipelinePath, StringComparison.Ordinal))
            .OrderBy(p => p.Count(c => c == '/'))
            .Select(p => p.Substring(0, p.Length - RepositoryAnalysis.RootPipelinePath.Length - 1))
            .FirstOrDefault();
}

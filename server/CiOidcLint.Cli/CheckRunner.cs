using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CiOidcLint.Analysis.Configuration;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;
using CiOidcLint.Cli.Output;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Cli;

/// <summary>Runs a check: finds the repository, builds its pipelines, filters and prints the findings.</summary>
internal sealed class CheckRunner
{
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly string _currentDirectory;

    public CheckRunner(TextWriter stdout, TextWriter stderr, string currentDirectory)
    {
        _stdout = stdout;
        _stderr = stderr;
        _currentDirectory = Path.GetFullPath(currentDirectory);
    }

    public int Run(CheckOptions options)
    {
        CheckWrittenFiles(options);
        var root = RepositoryLocator.FindRoot(_currentDirectory);
        var fileSystem = new PhysicalFileSystem(root);
        var files = new List<string>();
        var folders = new List<string>();
        foreach (var path in options.Paths)
        {
            var full = Path.GetFullPath(Path.Combine(_currentDirectory, path));
            var repositoryPath = fileSystem.ToRepositoryPath(full)
                ?? throw new UsageException($"'{path}' is outside the repository at {root}");
            if (File.Exists(full))
            {
                files.Add(repositoryPath);
            }
            else if (Directory.Exists(full))
            {
                folders.Add(repositoryPath);
            }
            else
            {
                throw new UsageException($"cannot read '{path}': no such file or folder");
            }
        }

        if (options.Paths.Count == 0 && options.PipelineGlobs.IsEmpty && !File.Exists(fileSystem.ToFullPath(RepositoryAnalysis.RootPipelinePath)))
        {
            throw new UsageException($"no {RepositoryAnalysis.RootPipelinePath} at the repository root {root}; name the files to check");
        }

        var globs = options.PipelineGlobs;
        var searched = folders.SelectMany(f => RepositoryScope.FindPipelineFiles(fileSystem, f, globs));
        if (options.Paths.Count == 0 && globs.Length > 0)
        {
            // Named globs say where the repository's other pipelines are: with no path, check them
            // all, as the editor does (GitLab's names elsewhere stay what they were: not asked for).
            var named = globs.Select(g => new FileGlob(g)).ToList();
            searched = RepositoryScope.FindPipelineFiles(fileSystem, string.Empty, globs).Where(f => named.Any(g => g.IsMatch(f)));
        }

        var found = searched.Where(f => Readable(fileSystem, f));
        var standalone = files.Concat(found).Distinct(StringComparer.Ordinal).ToList();
        var scope = RepositoryScope.OnDisk(fileSystem.Root);

        bool IsReported(Finding f) => options.Paths.Count == 0 || files.Contains(f.Path) || folders.Any(d => IsUnder(f.Path, d));

        ImmutableArray<PipelineResult> results;
        var unwritten = false;
        try
        {
            // A file --fix could not write is still reported, as it is on disk; the run then exits 2.
            unwritten = options.Fix && !ApplyFixes(fileSystem, scope, standalone, IsReported);

            results = new RepositoryAnalysis(fileSystem, scope).Analyze(standalone);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read the pipeline: {ex.Message}");
        }

        var findings = FindingMerge.AcrossPipelines(results.SelectMany(r => r.Findings))
            .Where(IsReported)
            .Select(f => new ReportedFinding(f, Display(fileSystem, f.Path)))
            .OrderBy(f => f.DisplayPath, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Location.LineSpan.Start.Line)
            .ThenBy(f => f.Finding.Location.LineSpan.Start.Character)
            .ThenBy(f => f.Finding.Id, StringComparer.Ordinal)
            .ToList();

        var exitCode = new FindingReporter(_stdout, _stderr, _currentDirectory).Report(options, findings, root, results);
        return unwritten ? ExitCodes.UsageOrIoError : exitCode;
    }

    /// <summary>
    /// The files the run will write (reports, an updated baseline), refused up front when they
    /// would destroy something the user wrote: an empty name, a YAML file (pipelines and their
    /// includes are all YAML), a file named to be checked, or the baseline being read by the
    /// same run; a link counts as the file it points to.
    /// </summary>
    private void CheckWrittenFiles(CheckOptions options)
    {
        var outputs = options.Outputs.Where(o => o.File is not null).Select(o => o.File!).ToList();
        if (outputs.Any(string.IsNullOrWhiteSpace))
        {
            throw new UsageException("--output needs a file name");
        }

        if (options.Baseline is { } baseline && string.IsNullOrWhiteSpace(baseline.Path))
        {
            throw new UsageException("--baseline needs a file name");
        }

        var full = outputs.Select(Target).ToList();
        if (options.Baseline is { } b)
        {
            var baselineFull = Target(b.Path);
            if (full.Contains(baselineFull, StringComparer.Ordinal))
            {
                throw new UsageException($"--output '{b.Path}' names the baseline file; the report would replace the baseline");
            }

            if (b.Update)
            {
                full.Add(baselineFull);
            }
        }

        var named = options.Paths.Select(Target).ToHashSet(StringComparer.Ordinal);
        foreach (var file in full)
        {
            var yaml = file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
            if (named.Contains(file) || (yaml && File.Exists(file)))
            {
                throw new UsageException($"'{Path.GetRelativePath(_currentDirectory, file)}' is a file to check, not a report; cioidclint writes no report over it");
            }
        }

        // Where a write lands: through a link, at its target (report.json -> .gitlab-ci.yml).
        string Target(string path)
        {
            var info = new FileInfo(Path.GetFullPath(Path.Combine(_currentDirectory, path)));
            return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : info.FullName;
        }
    }

    /// <summary>Runs the fix loop and writes its files; false when a file could not be written.</summary>
    private bool ApplyFixes(PhysicalFileSystem fileSystem, RepositoryScope scope, List<string> standalone, Func<Finding, bool> isReported)
    {
        var result = FixLoop.Run(
            fileSystem,
            files => FindingMerge.AcrossPipelines(new RepositoryAnalysis(files, scope).Analyze(standalone).SelectMany(r => r.Findings)),
            isReported);
        var refused = new FixWriter(fileSystem).Write(result);
        var unwritten = refused.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);

        // Only what reached the disk is reported as fixed.
        foreach (var applied in result.Applied.Where(a => !unwritten.Contains(a.Path)))
        {
            _stderr.WriteLine($"cioidclint: fixed {Display(fileSystem, applied.Path)}:{applied.Position.Line + 1}:{applied.Position.Character + 1}: {applied.RuleId} {applied.Title}");
        }

        if (result.ReachedPassLimit)
        {
            _stderr.WriteLine($"cioidclint: stopped fixing after {FixLoop.DefaultMaxPasses} passes; run --fix again for the rest");
        }

        foreach (var refusal in refused)
        {
            _stderr.WriteLine($"cioidclint: {Display(fileSystem, refusal.Path)}: {refusal.Reason}");
        }

        return refused.Count == 0;
    }

    /// <summary>
    /// Whether a pipeline file found in a folder can be read: a link to nothing, or to a file
    /// outside the repository, is noted on stderr and skipped, so one stray link does not stop
    /// the whole run. (A file named on the command line that cannot be read is an error.)
    /// </summary>
    private bool Readable(PhysicalFileSystem fileSystem, string repositoryPath)
    {
        var info = new FileInfo(fileSystem.ToFullPath(repositoryPath));
        var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
        var why = target is { Exists: false } ? "a link to a file that does not exist"
            : target is not null && fileSystem.ToRepositoryPath(target.FullName) is null ? $"a link to {target.FullName}, outside the repository"
            : null;
        if (why is not null)
        {
            _stderr.WriteLine($"cioidclint: skipped {Display(fileSystem, repositoryPath)}: {why}");
        }

        return why is null;
    }

    private string Display(PhysicalFileSystem fileSystem, string repositoryPath)
        => Path.GetRelativePath(_currentDirectory, fileSystem.ToFullPath(repositoryPath)).Replace(Path.DirectorySeparatorChar, '/');

    private static bool IsUnder(string path, string folder)
        => folder.Length == 0 || path.StartsWith(folder + "/", StringComparison.Ordinal);
}

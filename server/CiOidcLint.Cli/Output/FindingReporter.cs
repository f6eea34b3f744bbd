using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CiOidcLint.Analysis.Workspace;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Cli.Output;

/// <summary>
/// The end of a check: fingerprints the findings, applies the baseline, writes every requested
/// report, prints the summary to stderr and chooses the exit code.
/// </summary>
internal sealed class FindingReporter
{
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly string _currentDirectory;

    public FindingReporter(TextWriter stdout, TextWriter stderr, string currentDirectory)
    {
        _stdout = stdout;
        _stderr = stderr;
        _currentDirectory = currentDirectory;
    }

    /// <param name="findings">Sorted as they should be printed.</param>
    public int Report(CheckOptions options, IReadOnlyList<ReportedFinding> findings, string repositoryRoot, IEnumerable<PipelineResult> results)
    {
        var fingerprints = Fingerprints.Compute(findings.Select(f => f.Finding).ToList());
        var entries = findings.Select((f, i) => new ReportEntry(f.Finding, f.DisplayPath, fingerprints[i])).ToImmutableArray();
        var resultList = results.ToList();

        string? baselineNote = null;
        if (options.Baseline is { } baseline)
        {
            var path = Path.GetFullPath(Path.Combine(_currentDirectory, baseline.Path));
            if (baseline.Update || !File.Exists(path))
            {
                BaselineFile.Write(path, entries);
                baselineNote = $"{entries.Length} baselined, written to {baseline.Path}";
                entries = ImmutableArray<ReportEntry>.Empty;
            }
            else
            {
                var known = BaselineFile.Read(path);
                var reported = entries.Where(e => !known.Contains(e.Fingerprint)).ToImmutableArray();
                baselineNote = $"{entries.Length - reported.Length} baselined by {baseline.Path}";
                entries = reported;
            }
        }

        var texts = resultList
            .SelectMany(r => r.Pipeline.Files)
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        var report = new Report(entries, repositoryRoot, texts);
        foreach (var target in options.Outputs)
        {
            WriteTarget(target, report, options.UseColor);
        }

        _stdout.Flush();
        var checkedFiles = texts.Count;
        _stderr.WriteLine(Summary(entries, checkedFiles, baselineNote));
        return entries.Any(e => e.Finding.Severity >= options.Threshold && e.Finding.Severity != DiagnosticSeverity.Hidden)
            ? ExitCodes.Findings
            : ExitCodes.Clean;
    }

    private void WriteTarget(OutputTarget target, Report report, bool useColor)
    {
        IReportWriter writer = target.Format switch
        {
            OutputFormat.Json => new JsonReportWriter(),
            OutputFormat.Sarif => new SarifReportWriter(),
            OutputFormat.CodeQuality => new CodeQualityReportWriter(),
            _ => new TextFormatter(useColor && target.File is null),
        };
        if (target.File is null)
        {
            writer.Write(_stdout, report);
            return;
        }

        var text = new StringWriter { NewLine = "\n" };
        writer.Write(text, report);
        ReportFiles.WriteAllText(Path.GetFullPath(Path.Combine(_currentDirectory, target.File)), text.ToString());
    }

    private static string Summary(ImmutableArray<ReportEntry> entries, int files, string? baselineNote)
    {
        var fileWord = files == 1 ? "file" : "files";
        var suffix = baselineNote is null ? string.Empty : $" ({baselineNote})";
        if (entries.Length == 0)
        {
            return $"cioidclint: no findings in {files} {fileWord}{suffix}";
        }

        int Count(DiagnosticSeverity s) => entries.Count(e => e.Finding.Severity == s);
        var errors = Count(DiagnosticSeverity.Error);
        var warnings = Count(DiagnosticSeverity.Warning);
        var infos = entries.Length - errors - warnings;
        return $"cioidclint: {errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}, {infos} info in {files} {fileWord}{suffix}";
    }
}

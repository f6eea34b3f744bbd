using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Cli;

/// <summary>
/// <c>cioidclint show [JOB...]</c>: jobs as GitLab composes them, each key followed by the file
/// and line it came from; the editor's effective-job view prints the same text.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var jobs = new Argument<string[]>("jobs")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Jobs to show, hidden ones (.name) included. Default: every job that runs.",
        };
        var pipeline = new Option<string>("--pipeline")
        {
            Description = "The pipeline's root file. Default: the repository's .gitlab-ci.yml.",
            HelpName = "FILE",
        };
        var command = new Command("show", "Print jobs as GitLab composes them (include: local, extends, default:, !reference, anchors), with where each key comes from.");
        command.Arguments.Add(jobs);
        command.Options.Add(pipeline);
        command.SetAction(result =>
        {
            try
            {
                return Run(stdout, stderr, Directory.GetCurrentDirectory(), result.GetValue(pipeline), result.GetValue(jobs) ?? Array.Empty<string>());
            }
            catch (UsageException ex)
            {
                stderr.WriteLine($"cioidclint: {ex.Message}");
                return ExitCodes.UsageOrIoError;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"cioidclint: cannot read the pipeline: {ex.Message}");
                return ExitCodes.UsageOrIoError;
            }
        });
        return command;
    }

    private static int Run(TextWriter stdout, TextWriter stderr, string currentDirectory, string? pipelineFile, IReadOnlyList<string> names)
    {
        var root = RepositoryLocator.FindRoot(currentDirectory);
        var fileSystem = new PhysicalFileSystem(root);
        var rootPath = RepositoryAnalysis.RootPipelinePath;
        if (pipelineFile is not null)
        {
            var full = Path.GetFullPath(Path.Combine(currentDirectory, pipelineFile));
            rootPath = fileSystem.ToRepositoryPath(full) ?? throw new UsageException($"'{pipelineFile}' is outside the repository at {root}");
            if (!File.Exists(full))
            {
                throw new UsageException($"cannot read '{pipelineFile}': no such file");
            }
        }

        var pipeline = new RepositoryAnalysis(fileSystem).Compose(rootPath)
            ?? throw new UsageException($"no {rootPath} at the repository root {root}; name the pipeline with --pipeline FILE");

        // What GitLab would reject goes to stderr, with its place; what could be composed is still shown.
        foreach (var file in pipeline.Files)
        {
            foreach (var problem in file.Problems.Where(p => p.Kind != SyntaxProblemKind.DuplicateKey))
            {
                stderr.WriteLine($"cioidclint: {Place(new SourceLocation(file, problem.Span))}: {problem.Message}");
            }
        }

        foreach (var problem in pipeline.Problems)
        {
            stderr.WriteLine($"cioidclint: {Place(problem.Location)}: {problem.Message}");
        }

        var selected = new List<Job>();
        foreach (var name in names)
        {
            var job = pipeline.FindJob(name);
            if (job is null)
            {
                var near = pipeline.Jobs.Select(j => j.Name).Where(n => n.IndexOf(name.TrimStart('.'), StringComparison.OrdinalIgnoreCase) >= 0).Take(5).ToList();
                throw new UsageException($"no job '{name}' in {rootPath}" + (near.Count > 0 ? $" (did you mean {string.Join(", ", near.Select(n => $"'{n}'"))}?)" : string.Empty));
            }

            selected.Add(job);
        }

        if (names.Count == 0)
        {
            selected.AddRange(pipeline.ConcreteJobs);
        }

        stdout.Write(EffectiveJobWriter.Write(selected));
        return ExitCodes.Clean;
    }

    private static string Place(SourceLocation location)
    {
        var start = location.LineSpan.Start;
        return $"{location.File.Path}:{start.Line + 1}:{start.Character + 1}";
    }
}

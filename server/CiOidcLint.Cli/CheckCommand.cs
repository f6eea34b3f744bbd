using System;
using System.Collections.Immutable;
using System.CommandLine;
using System.IO;
using System.Linq;
using CiOidcLint.Cli.Output;

namespace CiOidcLint.Cli;

/// <summary><c>cioidclint check [PATH...]</c>: the command-line parsing; <see cref="CheckRunner"/> does the work.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Files or folders to report on (as pre-commit passes them). The pipeline is always built from the repository's .gitlab-ci.yml; a YAML file it does not include is checked as a pipeline of its own. Default: the whole pipeline.",
        };
        // Read here only to validate and document them; OutputOptionsParser pairs them by position.
        var format = new Option<string[]>(OutputOptionsParser.FormatOption)
        {
            Description = "Report format: text (default), json, sarif or codequality. Repeatable. " + OutputOptionsParser.PairingRule,
            HelpName = "text|json|sarif|codequality",
        };
        format.AcceptOnlyFromAmong(OutputOptionsParser.FormatNames.ToArray());
        var output = new Option<string[]>(OutputOptionsParser.OutputOption)
        {
            Description = "Write the report of the --format just before it to FILE instead of stdout. Repeatable.",
            HelpName = "FILE",
        };
        var baseline = new Option<string>("--baseline")
        {
            Description = "Report only findings not in this baseline. If FILE does not exist, write the current findings to it and exit 0.",
            HelpName = "FILE",
        };
        var updateBaseline = new Option<bool>("--update-baseline") { Description = "With --baseline: rewrite FILE with the current findings and exit 0." };
        var threshold = new Option<string>("--severity-threshold")
        {
            Description = "The lowest severity that makes the exit code 1: error, warning or info.",
            DefaultValueFactory = _ => "error",
        };
        threshold.AcceptOnlyFromAmong("error", "warning", "info");
        var noColor = new Option<bool>("--no-color") { Description = "Never color the output (also when NO_COLOR is set, or output is not a terminal)." };

        var fix = new Option<bool>("--fix") { Description = "Apply the preferred fixes in place (atomically, repeating until none is left), print what changed on stderr, then report what is left." };

        var files = new Option<string[]>("--files")
        {
            Description = "A glob of repository paths (e.g. 'ci/**/*.yml') of files that are pipelines of their own besides GitLab's names, as the editor's cioidclint.files setting. Repeatable. With no PATH, matching files anywhere in the repository are checked too.",
            HelpName = "GLOB",
        };

        var command = new Command("check", "Check the pipeline for broken OIDC logins, ID tokens and secrets.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(baseline);
        command.Options.Add(updateBaseline);
        command.Options.Add(threshold);
        command.Options.Add(noColor);
        command.Options.Add(fix);
        command.Options.Add(files);
        command.SetAction(result =>
        {
            try
            {
                var options = new CheckOptions(
                    result.GetValue(paths) ?? Array.Empty<string>(),
                    OutputOptionsParser.Parse(result.Tokens),
                    Severities.Parse(result.GetValue(threshold) ?? "error"),
                    UseColor: !result.GetValue(noColor) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
                    Baseline: BaselineOption(result.GetValue(baseline), result.GetValue(updateBaseline)))
                {
                    Fix = result.GetValue(fix),
                    PipelineGlobs = PipelineGlobs(result.GetValue(files)),
                };
                var unknown = options.Paths.FirstOrDefault(p => p.StartsWith("-", StringComparison.Ordinal) && !File.Exists(p) && !Directory.Exists(p));
                if (unknown is not null)
                {
                    throw new UsageException($"unknown option '{unknown}'");
                }

                return new CheckRunner(stdout, stderr, Directory.GetCurrentDirectory()).Run(options);
            }
            catch (UsageException ex)
            {
                stderr.WriteLine($"cioidclint: {ex.Message}");
                return ExitCodes.UsageOrIoError;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Never exit 1 on a crash: CI and pre-commit read 1 as "findings".
                stderr.WriteLine($"cioidclint: internal error ({ex.GetType().Name}): {ex.Message}. Please report it with the file that caused it.");
                return ExitCodes.UsageOrIoError;
            }
        });
        return command;
    }

    private static ImmutableArray<string> PipelineGlobs(string[]? globs)
    {
        var cleaned = ImmutableArray.CreateBuilder<string>();
        foreach (var glob in globs ?? Array.Empty<string>())
        {
            if (string.IsNullOrWhiteSpace(glob))
            {
                throw new UsageException("--files needs a glob, such as 'ci/**/*.yml'");
            }

            cleaned.Add(glob.Trim());
        }

        return cleaned.ToImmutable();
    }

    private static BaselineOptions? BaselineOption(string? path, bool update)
    {
        if (update && path is null)
        {
            throw new UsageException("--update-baseline needs --baseline FILE");
        }

        return path is null ? null : new BaselineOptions(path, update);
    }
}

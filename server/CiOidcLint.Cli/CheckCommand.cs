using System;
using System.CommandLine;
using System.IO;
using System.Linq;

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
        var format = new Option<string>("--format")
        {
            Description = "Output format: text.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text");
        var threshold = new Option<string>("--severity-threshold")
        {
            Description = "The lowest severity that makes the exit code 1: error, warning or info.",
            DefaultValueFactory = _ => "error",
        };
        threshold.AcceptOnlyFromAmong("error", "warning", "info");
        var noColor = new Option<bool>("--no-color") { Description = "Never color the output (also when NO_COLOR is set, or output is not a terminal)." };

        var fix = new Option<bool>("--fix") { Description = "Apply the preferred fixes in place (atomically, repeating until none is left), print what changed on stderr, then report what is left." };

        var command = new Command("check", "Check the pipeline for broken OIDC logins, ID tokens and secrets.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(threshold);
        command.Options.Add(noColor);
        command.Options.Add(fix);
        command.SetAction(result =>
        {
            var options = new CheckOptions(
                result.GetValue(paths) ?? Array.Empty<string>(),
                result.GetValue(format) ?? "text",
                Severities.Parse(result.GetValue(threshold) ?? "error"),
                UseColor: !result.GetValue(noColor) && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")))
            {
                Fix = result.GetValue(fix),
            };
            try
            {
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
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine.Parsing;
using System.Linq;
using CiOidcLint.Cli.Output;

namespace CiOidcLint.Cli;

/// <summary>
/// Pairs <c>--format</c> and <c>--output</c> by their order on the command line, which
/// System.CommandLine does not keep across two options: each <c>--output FILE</c> belongs to the
/// <c>--format</c> just before it; a format with no <c>--output</c> goes to stdout, and at most one
/// may. No <c>--format</c> at all means text to stdout.
/// </summary>
internal static class OutputOptionsParser
{
    public const string FormatOption = "--format";
    public const string OutputOption = "--output";

    public const string PairingRule = "Each --output FILE belongs to the --format just before it; a --format without --output writes to stdout (at most one may).";

    public static ImmutableArray<string> FormatNames { get; } = ImmutableArray.Create("text", "json", "sarif", "codequality");

    /// <summary>Reads the pairs from the tokens as typed (<c>--format=x</c> arrives split into two tokens).</summary>
    public static ImmutableArray<OutputTarget> Parse(IReadOnlyList<Token> tokens)
    {
        var pairs = new List<(string Format, string? File)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Type != TokenType.Option || i + 1 >= tokens.Count)
            {
                continue;
            }

            if (token.Value == FormatOption)
            {
                pairs.Add((tokens[++i].Value, null));
            }
            else if (token.Value == OutputOption)
            {
                var file = tokens[++i].Value;
                if (string.IsNullOrWhiteSpace(file))
                {
                    throw new UsageException("--output needs a file name");
                }

                if (pairs.Count == 0 || pairs[^1].File is not null)
                {
                    throw new UsageException($"--output '{file}' must follow the --format it writes. {PairingRule}");
                }

                pairs[^1] = (pairs[^1].Format, file);
            }
        }

        if (pairs.Count == 0)
        {
            return ImmutableArray.Create(new OutputTarget(OutputFormat.Text, null));
        }

        if (pairs.Count(p => p.File is null) > 1)
        {
            throw new UsageException($"more than one --format writes to stdout. {PairingRule}");
        }

        var files = pairs.Where(p => p.File is not null).Select(p => System.IO.Path.GetFullPath(p.File!)).ToList();
        if (files.Distinct(StringComparer.Ordinal).Count() != files.Count)
        {
            throw new UsageException("two --output options name the same file");
        }

        return pairs.Select(p => new OutputTarget(ParseFormat(p.Format), p.File)).ToImmutableArray();
    }

    private static OutputFormat ParseFormat(string name) => name switch
    {
        "text" => OutputFormat.Text,
        "json" => OutputFormat.Json,
        "sarif" => OutputFormat.Sarif,
        "codequality" => OutputFormat.CodeQuality,
        _ => throw new UsageException($"unknown format '{name}': use one of {string.Join(", ", FormatNames)}"),
    };
}

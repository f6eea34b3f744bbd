using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CiOidcLint.Analysis.Engine;

namespace CiOidcLint.Cli.Output;

/// <summary>
/// A finding's identity across runs, for Code Quality, SARIF <c>partialFingerprints</c> and
/// baselines. Line numbers are left out on purpose, so editing elsewhere in the file does not
/// turn old findings into new ones: the key is the rule id, the repository path, the affected
/// jobs, and the flagged text and its whole line with runs of white space collapsed. Findings
/// with the same key are told apart by their order in the file (an occurrence index). The
/// message is left out too, so rewording it in a later version keeps baselines valid.
/// </summary>
internal static class Fingerprints
{
    /// <summary>Names the scheme in SARIF <c>partialFingerprints</c>; a new scheme gets a new name.</summary>
    public const string SarifKey = "cioidclint/v1";

    /// <summary>Fingerprints of <paramref name="findings"/>, in the same order.</summary>
    public static ImmutableArray<string> Compute(IReadOnlyList<Finding> findings)
    {
        var keys = findings.Select(Key).ToList();
        var order = Enumerable.Range(0, findings.Count)
            .OrderBy(i => keys[i], StringComparer.Ordinal)
            .ThenBy(i => findings[i].Location.Span.Start)
            .ThenBy(i => findings[i].Location.Span.End);
        var result = new string[findings.Count];
        string? previous = null;
        var occurrence = 0;
        foreach (var i in order)
        {
            occurrence = keys[i] == previous ? occurrence + 1 : 0;
            previous = keys[i];
            result[i] = Hash(keys[i] + "\n" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return result.ToImmutableArray();
    }

    private static string Key(Finding finding)
    {
        var text = finding.Location.File.Text;
        var line = text.Lines.GetLineFromPosition(finding.Location.Span.Start);
        var jobs = string.Join(",", finding.Jobs.OrderBy(j => j, StringComparer.Ordinal));
        return string.Join(
            "\n",
            finding.Id,
            finding.Path,
            jobs,
            Normalize(text.ToString(finding.Location.Span)),
            Normalize(line.ToString()));
    }

    /// <summary>Trims and collapses white space, so re-indenting a block keeps its fingerprints.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Hash(string key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexString(bytes, 0, 16).ToLowerInvariant();
    }
}

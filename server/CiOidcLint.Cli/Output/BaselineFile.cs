using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace CiOidcLint.Cli.Output;

/// <summary>
/// <c>--baseline FILE</c>: the fingerprints of findings a team has accepted for now
/// (schema: <c>schemas/cioidclint-baseline.schema.json</c>). Entries carry the rule id and path
/// only so a reviewer can read the file; matching is by fingerprint alone. Entries are sorted
/// and carry no line numbers, so the file changes only when findings do.
/// </summary>
internal static class BaselineFile
{
    public const int SchemaVersion = 1;

    public static void Write(string path, IEnumerable<ReportEntry> entries)
    {
        var sorted = entries
            .OrderBy(e => e.Finding.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Finding.Id, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal);
        var text = new StringWriter { NewLine = "\n" };
        JsonOutput.WriteTo(text, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("tool", ToolInfo.Name);
            json.WriteStartArray("findings");
            foreach (var entry in sorted)
            {
                json.WriteStartObject();
                json.WriteString("fingerprint", entry.Fingerprint);
                json.WriteString("ruleId", entry.Finding.Id);
                json.WriteString("path", entry.Finding.Path);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
        ReportFiles.WriteAllText(path, text.ToString());
    }

    /// <summary>The fingerprints in the baseline at <paramref name="path"/>.</summary>
    public static ImmutableHashSet<string> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read the baseline '{path}': {ex.Message}");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("schemaVersion", out var version)
                || version.ValueKind != JsonValueKind.Number
                || version.GetInt32() != SchemaVersion
                || !root.TryGetProperty("findings", out var findings)
                || findings.ValueKind != JsonValueKind.Array)
            {
                throw new UsageException($"'{path}' is not a cioidclint baseline (schemaVersion {SchemaVersion} with a findings array)");
            }

            var fingerprints = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var finding in findings.EnumerateArray())
            {
                if (finding.ValueKind != JsonValueKind.Object
                    || !finding.TryGetProperty("fingerprint", out var fingerprint)
                    || fingerprint.ValueKind != JsonValueKind.String)
                {
                    throw new UsageException($"'{path}' has a baseline entry without a fingerprint");
                }

                fingerprints.Add(fingerprint.GetString()!);
            }

            return fingerprints.ToImmutable();
        }
        catch (JsonException ex)
        {
            throw new UsageException($"'{path}' is not valid JSON: {ex.Message}");
        }
    }
}

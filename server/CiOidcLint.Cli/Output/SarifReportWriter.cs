using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Cli.Output;

/// <summary>
/// SARIF 2.1.0 (OASIS), one run. Artifact URIs are relative to the repository root, named by the
/// <c>SRCROOT</c> base id; regions use SARIF's 1-based lines and columns in UTF-16 code units.
/// </summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public const string UriBaseId = "SRCROOT";

    private const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public void Write(TextWriter writer, Report report) => JsonOutput.WriteTo(writer, json =>
    {
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(UriBaseId);
        json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(report.RepositoryRoot) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        foreach (var entry in report.Entries)
        {
            WriteResult(json, entry, report);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in RuleLookup.Rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, IRule rule)
    {
        var descriptor = rule.Descriptor;
        json.WriteStartObject();
        json.WriteString("id", descriptor.Id);
        json.WriteString("name", rule.Name);
        WriteMessage(json, "shortDescription", descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WriteMessage(json, "fullDescription", descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("helpUri", descriptor.HelpLinkUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", SeverityNames.Sarif(descriptor.DefaultSeverity));
        json.WriteEndObject();
        var tags = descriptor.CustomTags.ToList();
        if (tags.Count > 0)
        {
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            foreach (var tag in tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ReportEntry entry, Report report)
    {
        var finding = entry.Finding;
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Id);
        var index = RuleLookup.IndexOf(finding.Id);
        if (index >= 0)
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", SeverityNames.Sarif(finding.Severity));
        WriteMessage(json, "message", finding.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, finding.Path);
        WriteRegion(json, "region", finding.Location.LineSpan);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(Fingerprints.SarifKey, entry.Fingerprint);
        json.WriteEndObject();
        if (finding.Fixes.Length > 0)
        {
            json.WriteStartArray("fixes");
            foreach (var fix in finding.Fixes)
            {
                WriteFix(json, fix, report);
            }

            json.WriteEndArray();
        }

        if (finding.Jobs.Length > 0)
        {
            json.WriteStartObject("properties");
            json.WriteStartArray("jobs");
            foreach (var job in finding.Jobs)
            {
                json.WriteStringValue(job);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, CodeFix fix, Report report)
    {
        json.WriteStartObject();
        WriteMessage(json, "description", fix.Title);
        json.WriteStartArray("artifactChanges");
        foreach (var change in fix.Changes)
        {
            var text = FixText.Of(report, change.Path);
            json.WriteStartObject();
            WriteArtifactLocation(json, change.Path);
            json.WriteStartArray("replacements");
            foreach (var edit in change.Changes)
            {
                json.WriteStartObject();
                WriteRegion(json, "deletedRegion", text.Lines.GetLinePositionSpan(edit.Span));
                json.WriteStartObject("insertedContent");
                json.WriteString("text", edit.NewText ?? string.Empty);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (fix.IsPreferred)
        {
            json.WriteStartObject("properties");
            json.WriteBoolean("isPreferred", true);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, string repositoryPath)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", string.Join("/", repositoryPath.Split('/').Select(Uri.EscapeDataString)));
        json.WriteString("uriBaseId", UriBaseId);
        json.WriteEndObject();
    }

    /// <summary>SARIF lines and columns are 1-based; the end column is the one just after the region, so an insertion has equal start and end.</summary>
    private static void WriteRegion(Utf8JsonWriter json, string name, LinePositionSpan span)
    {
        json.WriteStartObject(name);
        json.WriteNumber("startLine", span.Start.Line + 1);
        json.WriteNumber("startColumn", span.Start.Character + 1);
        json.WriteNumber("endLine", span.End.Line + 1);
        json.WriteNumber("endColumn", span.End.Character + 1);
        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}

using System.IO;
using System.Text.Json;
using CiOidcLint.Analysis.Fixes;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Cli.Output;

/// <summary>
/// The JSON format: the schema is <c>schemas/cioidclint-report.schema.json</c>. Paths are relative to
/// the repository root; lines and columns are 1-based, columns count UTF-16 code units, and an end
/// position is the one just after the flagged text.
/// </summary>
internal sealed class JsonReportWriter : IReportWriter
{
    /// <summary>Bumped on any change that could break a reader; adding fields is not one.</summary>
    public const int SchemaVersion = 1;

    public void Write(TextWriter writer, Report report) => JsonOutput.WriteTo(writer, json =>
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteEndObject();
        json.WriteStartArray("findings");
        foreach (var entry in report.Entries)
        {
            WriteFinding(json, entry, report);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteFinding(Utf8JsonWriter json, ReportEntry entry, Report report)
    {
        var finding = entry.Finding;
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Id);
        json.WriteString("ruleName", RuleLookup.Find(finding.Id)?.Name ?? finding.Id);
        json.WriteString("severity", Severities.Word(finding.Severity));
        json.WriteString("message", finding.Message);
        json.WriteString("path", finding.Path);
        WriteSpan(json, finding.Location.LineSpan);
        json.WriteStartArray("jobs");
        foreach (var job in finding.Jobs)
        {
            json.WriteStringValue(job);
        }

        json.WriteEndArray();
        json.WriteString("fingerprint", entry.Fingerprint);
        json.WriteString("helpUri", finding.Diagnostic.Descriptor.HelpLinkUri);
        json.WriteStartArray("fixes");
        foreach (var fix in finding.Fixes)
        {
            WriteFix(json, fix, report);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, CodeFix fix, Report report)
    {
        json.WriteStartObject();
        json.WriteString("title", fix.Title);
        json.WriteBoolean("isPreferred", fix.IsPreferred);
        json.WriteStartArray("changes");
        foreach (var change in fix.Changes)
        {
            var text = FixText.Of(report, change.Path);
            json.WriteStartObject();
            json.WriteString("path", change.Path);
            json.WriteStartArray("edits");
            foreach (var edit in change.Changes)
            {
                json.WriteStartObject();
                WriteSpan(json, text.Lines.GetLinePositionSpan(edit.Span));
                json.WriteString("newText", edit.NewText ?? string.Empty);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, LinePositionSpan span)
    {
        WritePosition(json, "start", span.Start);
        WritePosition(json, "end", span.End);
    }

    private static void WritePosition(Utf8JsonWriter json, string name, LinePosition position)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", position.Line + 1);
        json.WriteNumber("column", position.Character + 1);
        json.WriteEndObject();
    }
}

using System.IO;

namespace CiOidcLint.Cli.Output;

/// <summary>
/// GitLab Code Quality: the JSON array the merge-request widget reads
/// (<c>artifacts:reports:codequality</c>). The path is relative to the repository root, as
/// GitLab matches it against the diff; the fingerprint is what GitLab compares between the
/// source and target branches to tell new findings from old ones.
/// </summary>
internal sealed class CodeQualityReportWriter : IReportWriter
{
    public void Write(TextWriter writer, Report report) => JsonOutput.WriteTo(writer, json =>
    {
        json.WriteStartArray();
        foreach (var entry in report.Entries)
        {
            var finding = entry.Finding;
            json.WriteStartObject();
            json.WriteString("description", finding.Message);
            json.WriteString("check_name", finding.Id);
            json.WriteString("fingerprint", entry.Fingerprint);
            json.WriteString("severity", SeverityNames.CodeQuality(finding.Severity));
            json.WriteStartObject("location");
            json.WriteString("path", finding.Path);
            json.WriteStartObject("lines");
            json.WriteNumber("begin", finding.Location.LineSpan.Start.Line + 1);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });
}

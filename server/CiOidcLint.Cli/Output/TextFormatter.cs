using System.IO;
using CiOidcLint.Cli.Output;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Cli;

/// <summary>
/// <c>path:line:col: severity CIOL004 message</c>, one finding per line, as compilers print,
/// so editors and CI parse it. Lines and columns are 1-based; columns count UTF-16 code units,
/// as LSP does.
/// </summary>
internal sealed class TextFormatter : IReportWriter
{
    private readonly bool _color;

    public TextFormatter(bool color)
    {
        _color = color;
    }

    public void Write(TextWriter writer, Report report)
    {
        foreach (var entry in report.Entries)
        {
            var finding = entry.Finding;
            var start = finding.Location.LineSpan.Start;
            var severity = Severities.Word(finding.Severity);
            writer.Write($"{entry.DisplayPath}:{start.Line + 1}:{start.Character + 1}: ");
            writer.Write(_color ? Colored(finding.Severity, severity) : severity);
            writer.WriteLine($" {finding.Id} {finding.Message}");
        }
    }

    private static string Colored(DiagnosticSeverity severity, string word)
    {
        var code = severity switch
        {
            DiagnosticSeverity.Error => "31",
            DiagnosticSeverity.Warning => "33",
            _ => "36",
        };
        return $"\u001b[{code}m{word}\u001b[0m";
    }
}

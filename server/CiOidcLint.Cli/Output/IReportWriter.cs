using System.IO;

namespace CiOidcLint.Cli.Output;

/// <summary>Writes a report in one format.</summary>
internal interface IReportWriter
{
    void Write(TextWriter writer, Report report);
}

using Microsoft.CodeAnalysis;

namespace CiOidcLint.Cli.Output;

/// <summary>How each format names a severity. 'silent' (hidden) findings read as the lowest level everywhere.</summary>
internal static class SeverityNames
{
    public static string Sarif(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>GitLab's Code Quality levels are info, minor, major, critical, blocker.</summary>
    public static string CodeQuality(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "major",
        DiagnosticSeverity.Warning => "minor",
        _ => "info",
    };
}

using Microsoft.CodeAnalysis;

namespace CiOidcLint.Cli;

internal static class Severities
{
    public static DiagnosticSeverity Parse(string value) => value switch
    {
        "warning" => DiagnosticSeverity.Warning,
        "info" => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Error,
    };

    /// <summary>The word the text format prints; a 'silent' (hidden) finding prints as info.</summary>
    public static string Word(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

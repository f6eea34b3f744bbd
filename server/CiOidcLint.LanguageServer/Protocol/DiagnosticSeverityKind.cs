namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>LSP DiagnosticSeverity values.</summary>
public static class DiagnosticSeverityKind
{
    public const int Error = 1;

    public const int Warning = 2;

    public const int Information = 3;

    public const int Hint = 4;
}

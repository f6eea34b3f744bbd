namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>LSP DiagnosticTag values.</summary>
public static class DiagnosticTag
{
    public const int Unnecessary = 1;

    public const int Deprecated = 2;
}

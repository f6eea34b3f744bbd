namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>The LSP SymbolKind values this server uses.</summary>
public static class SymbolKind
{
    public const int Namespace = 3;

    public const int Class = 5;

    public const int Property = 7;

    public const int Field = 8;

    public const int Function = 12;

    public const int Variable = 13;

    public const int Key = 20;

    public const int Event = 24;
}

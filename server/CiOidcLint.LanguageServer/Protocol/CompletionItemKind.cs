namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>The LSP CompletionItemKind values this server uses.</summary>
public static class CompletionItemKind
{
    public const int Property = 10;

    public const int Variable = 6;

    public const int Keyword = 14;

    public const int Value = 12;
}

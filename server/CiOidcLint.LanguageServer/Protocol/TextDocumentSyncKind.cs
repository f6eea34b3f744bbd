namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>LSP TextDocumentSyncKind values.</summary>
public static class TextDocumentSyncKind
{
    public const int None = 0;

    public const int Full = 1;

    public const int Incremental = 2;
}

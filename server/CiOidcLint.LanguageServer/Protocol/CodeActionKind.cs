namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>The LSP CodeActionKind values this server offers.</summary>
public static class CodeActionKind
{
    public const string QuickFix = "quickfix";

    public const string Source = "source";

    public const string SourceFixAll = "source.fixAll";

    /// <summary>This server's fix-all kind: a client can ask for it on save without running other servers' fix-alls.</summary>
    public const string SourceFixAllCiOidcLint = "source.fixAll.cioidclint";
}

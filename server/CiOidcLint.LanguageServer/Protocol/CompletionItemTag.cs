namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Completion item tags.</summary>
public static class CompletionItemTag
{
    /// <summary>Rendered struck through: the removed CI_JOB_JWT variables.</summary>
    public const int Deprecated = 1;
}

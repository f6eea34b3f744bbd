namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>LSP FileChangeType values.</summary>
public static class FileChangeType
{
    public const int Created = 1;

    public const int Changed = 2;

    public const int Deleted = 3;
}

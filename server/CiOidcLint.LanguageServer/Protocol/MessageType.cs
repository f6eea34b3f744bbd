namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>LSP MessageType values for window/logMessage.</summary>
public static class MessageType
{
    public const int Error = 1;

    public const int Warning = 2;

    public const int Info = 3;

    public const int Log = 4;
}

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>JSON-RPC and LSP error codes.</summary>
public static class LspErrorCodes
{
    public const int ParseError = -32700;

    public const int InvalidRequest = -32600;

    public const int MethodNotFound = -32601;

    public const int InvalidParams = -32602;

    public const int InternalError = -32603;

    public const int ServerNotInitialized = -32002;

    public const int RequestCancelled = -32800;

    public const int ContentModified = -32801;

    /// <summary>A request that is valid but cannot be done; the message says why (a refused rename).</summary>
    public const int RequestFailed = -32803;
}

using CiOidcLint.Testing;

namespace CiOidcLint.LanguageServer.Tests;

/// <summary>The server as editors start it: <c>cioidclint server</c>, the native executable (<see cref="NativeCli"/>).</summary>
public static class ServerProcess
{
    public static string CliPath => NativeCli.Path;

    public static string RepositoryRoot => NativeCli.RepositoryRoot;

    public static LspStdioClient Start(string? workingDirectory = null)
    {
        var (fileName, prefix) = NativeCli.Command;
        return LspStdioClient.Start(fileName, prefix.Append("server"), workingDirectory);
    }
}

using System.Threading;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>Everything a handler reaches: the connection, the lifecycle, what the client supports, the workspace.</summary>
public sealed class ServerState
{
    private ClientFeatures _features = ClientFeatures.None;

    public ServerState(ServerLog log, ClientConnection client)
    {
        Log = log;
        Client = client;
        Workspace = new WorkspaceManager(log.Error);
        Diagnostics = new DiagnosticsPublisher(this);
    }

    public ServerLog Log { get; }

    public ClientConnection Client { get; }

    public ServerLifetime Lifetime { get; } = new();

    public WorkspaceManager Workspace { get; }

    public DiagnosticsPublisher Diagnostics { get; }

    /// <summary>Set once, by <c>initialize</c>.</summary>
    public ClientFeatures Features
    {
        get => Volatile.Read(ref _features);
        set => Volatile.Write(ref _features, value);
    }
}

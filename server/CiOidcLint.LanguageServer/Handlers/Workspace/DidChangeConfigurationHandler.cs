using System.Text.Json;
using CiOidcLint.LanguageServer.Handlers.Lifecycle;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;

namespace CiOidcLint.LanguageServer.Handlers.Workspace;

/// <summary>
/// <c>workspace/didChangeConfiguration</c>: settings pushed by the client (<c>{"cioidclint": {...}}</c>)
/// are applied; a bare notification (the pull model) makes us ask with <c>workspace/configuration</c>.
/// </summary>
public sealed class DidChangeConfigurationHandler : NotificationHandler<DidChangeConfigurationParams>
{
    public override string Method => "workspace/didChangeConfiguration";

    public override void Handle(DidChangeConfigurationParams? notification, ServerState state)
    {
        if (notification?.Settings is { ValueKind: JsonValueKind.Object } settings && settings.TryGetProperty(Configuration.Section, out _))
        {
            Configuration.Apply(state, settings);
        }
        else
        {
            _ = Configuration.RefreshAsync(state);
        }
    }
}

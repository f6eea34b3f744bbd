namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>One LSP method. The server lists every handler in <see cref="HandlerList"/>.</summary>
public interface ILspHandler
{
    string Method { get; }

    /// <summary>
    /// True for handlers that change the workspace (document sync, configuration, lifecycle):
    /// they run one at a time in the order the client sent them. Others read a snapshot and
    /// run concurrently.
    /// </summary>
    bool Mutates { get; }

    /// <summary>Adds the handler to the connection; <paramref name="dispatcher"/> applies ordering and lifecycle rules.</summary>
    void Register(Dispatcher dispatcher);
}

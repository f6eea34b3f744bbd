namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>A notification that changes the workspace: handled synchronously, in the order received.</summary>
public abstract class NotificationHandler<TParams> : ILspHandler
    where TParams : class
{
    public abstract string Method { get; }

    public bool Mutates => true;

    /// <summary>Whether the notification is handled before <c>initialize</c> and after <c>shutdown</c> (only <c>exit</c>).</summary>
    public virtual bool AlwaysAllowed => false;

    public abstract void Handle(TParams? notification, ServerState state);

    public void Register(Dispatcher dispatcher) => dispatcher.AddNotification(this);
}

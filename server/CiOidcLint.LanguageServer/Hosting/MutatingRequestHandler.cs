namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>A request that changes server state (initialize, shutdown): answered in order, synchronously.</summary>
public abstract class MutatingRequestHandler<TParams, TResult> : ILspHandler
    where TParams : class
{
    public abstract string Method { get; }

    public bool Mutates => true;

    /// <summary>Whether the request is allowed before <c>initialize</c> (only <c>initialize</c> itself).</summary>
    public virtual bool AllowedBeforeInitialize => false;

    public abstract TResult? Handle(TParams? request, ServerState state);

    public void Register(Dispatcher dispatcher) => dispatcher.AddMutatingRequest(this);
}

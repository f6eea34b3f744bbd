using System.Threading;
using System.Threading.Tasks;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>A read-only request: runs on the thread pool against the snapshot taken when it arrived.</summary>
public abstract class RequestHandler<TParams, TResult> : ILspHandler
    where TParams : class
{
    public abstract string Method { get; }

    public bool Mutates => false;

    public abstract Task<TResult?> HandleAsync(TParams request, RequestContext context, CancellationToken cancellationToken);

    public void Register(Dispatcher dispatcher) => dispatcher.AddReadOnlyRequest(this);
}

using CiOidcLint.LanguageServer.Hosting;

namespace CiOidcLint.LanguageServer.Handlers.Lifecycle;

/// <summary><c>shutdown</c>: stops pending work; from now on only <c>exit</c> is honoured.</summary>
public sealed class ShutdownHandler : MutatingRequestHandler<NoParams, object>
{
    public override string Method => "shutdown";

    public override object? Handle(NoParams? request, ServerState state)
    {
        state.Lifetime.MarkShutDown();
        state.Diagnostics.Cancel();
        return null;
    }
}

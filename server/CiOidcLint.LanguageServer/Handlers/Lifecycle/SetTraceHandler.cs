using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;

namespace CiOidcLint.LanguageServer.Handlers.Lifecycle;

/// <summary><c>$/setTrace</c>: off, messages or verbose; with tracing on, each handled message is reported in <c>$/logTrace</c>.</summary>
public sealed class SetTraceHandler : NotificationHandler<SetTraceParams>
{
    public override string Method => "$/setTrace";

    public override void Handle(SetTraceParams? notification, ServerState state)
    {
        state.Log.TraceLevel = notification?.Value ?? "off";
    }
}

using CiOidcLint.LanguageServer.Hosting;

namespace CiOidcLint.LanguageServer.Handlers.Lifecycle;

/// <summary><c>exit</c>: ends the process, with code 0 after <c>shutdown</c> and 1 without, as the specification asks.</summary>
public sealed class ExitHandler : NotificationHandler<NoParams>
{
    public override string Method => "exit";

    public override bool AlwaysAllowed => true;

    public override void Handle(NoParams? notification, ServerState state) => state.Lifetime.Exit();
}

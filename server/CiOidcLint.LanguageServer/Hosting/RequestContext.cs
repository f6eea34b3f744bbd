using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>What a read-only request sees: the server and the workspace as it was when the request arrived.</summary>
public sealed record RequestContext(ServerState State, WorkspaceSnapshot Snapshot);

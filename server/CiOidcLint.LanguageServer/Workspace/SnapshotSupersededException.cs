using System;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>The snapshot's analysis was cancelled because a newer snapshot replaced it.</summary>
public sealed class SnapshotSupersededException : OperationCanceledException
{
    public SnapshotSupersededException()
        : base("the workspace changed")
    {
    }
}

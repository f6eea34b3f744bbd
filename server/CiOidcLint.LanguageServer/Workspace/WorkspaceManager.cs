using System;
using System.Threading;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>
/// Holds the current snapshot. Mutating handlers replace it (one at a time, in the order the
/// client sent them); the replaced snapshot's analysis is cancelled, and listeners (the
/// diagnostics publisher) hear of the change.
/// </summary>
public sealed class WorkspaceManager
{
    private readonly object _gate = new();
    private WorkspaceSnapshot _current;

    public WorkspaceManager(Action<string> reportError)
    {
        _current = new WorkspaceSnapshot(0, null, null, DocumentStore.Empty, ServerSettings.Default, reportError);
    }

    /// <summary>Raised after every change, with the new snapshot and the URI whose text changed (null for other changes).</summary>
    public event Action<WorkspaceSnapshot, WorkspaceChange>? Changed;

    public WorkspaceSnapshot Current => Volatile.Read(ref _current);

    public WorkspaceSnapshot Update(Func<WorkspaceSnapshot, WorkspaceSnapshot> change, WorkspaceChange kind)
    {
        WorkspaceSnapshot next;
        lock (_gate)
        {
            var previous = _current;
            next = change(previous);
            if (ReferenceEquals(next, previous))
            {
                return previous;
            }

            Volatile.Write(ref _current, next);
            previous.Supersede();
        }

        Changed?.Invoke(next, kind);
        return next;
    }
}

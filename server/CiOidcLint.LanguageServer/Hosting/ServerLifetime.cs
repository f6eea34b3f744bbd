using System.Threading;
using System.Threading.Tasks;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>Where the session is: before <c>initialize</c>, running, shut down, exited.</summary>
public sealed class ServerLifetime
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _initialized;
    private int _shutDown;

    public bool IsInitialized => Volatile.Read(ref _initialized) == 1;

    public bool IsShutDown => Volatile.Read(ref _shutDown) == 1;

    /// <summary>Completes with the process exit code when <c>exit</c> arrives: 0 after <c>shutdown</c>, 1 without.</summary>
    public Task<int> Exited => _exit.Task;

    public bool MarkInitialized() => Interlocked.Exchange(ref _initialized, 1) == 0;

    public void MarkShutDown() => Volatile.Write(ref _shutDown, 1);

    public void Exit() => _exit.TrySetResult(IsShutDown ? 0 : 1);
}

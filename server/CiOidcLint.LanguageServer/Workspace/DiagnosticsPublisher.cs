using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>
/// Pushes diagnostics after each change: a burst of keystrokes is coalesced by a short delay,
/// (a change after a quiet spell goes at once),
/// a run is cancelled when a newer change supersedes it, and every file of an open pipeline
/// gets its own findings (an included file's findings go to its URI). Files that no longer
/// belong to an open pipeline are cleared. In pull mode nothing is pushed; the client is asked
/// to pull again when something other than its own typing changed the results.
/// </summary>
public sealed class DiagnosticsPublisher
{
    /// <summary>Long enough to coalesce a burst of keystrokes, short enough that a single edit is answered about as fast as the analysis runs.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(20);

    private readonly ServerState _state;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly Dictionary<string, string> _published = new(StringComparer.Ordinal);
    private CancellationTokenSource? _pending;
    /// <summary>Analyses scheduled or running whose findings are not ready yet.</summary>
    private int _analysing;

    public DiagnosticsPublisher(ServerState state)
    {
        _state = state;
        state.Workspace.Changed += OnChanged;
    }

    /// <summary>Stops pending work (at shutdown).</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _pending?.Cancel();
            _pending = null;
        }
    }

    private void OnChanged(WorkspaceSnapshot snapshot, WorkspaceChange change)
    {
        if (!_state.Lifetime.IsInitialized || _state.Lifetime.IsShutDown || snapshot.Paths is null)
        {
            return;
        }

        if (_state.Features.PullDiagnostics)
        {
            if (!change.IsDocumentText && _state.Features.DiagnosticRefresh)
            {
                _ = RefreshAsync();
            }

            return;
        }

        // A change that finds no analysis under way is analysed at once, so a single edit is
        // answered as fast as the analysis runs; a change that arrives while the previous one is
        // still being analysed (a burst of keystrokes, a paste sent as several changes) cancels
        // it and waits out the delay, so the burst is analysed once.
        lock (_gate)
        {
            _pending?.Cancel();
            var next = new CancellationTokenSource();
            _pending = next;
            var delay = Volatile.Read(ref _analysing) > 0 ? Debounce : TimeSpan.Zero;
            Interlocked.Increment(ref _analysing);
            _ = PublishAsync(snapshot, change, delay, next.Token);
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await _state.Client.RequestAsync<JsonElement?>("workspace/diagnostic/refresh", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _state.Log.Warning($"workspace/diagnostic/refresh failed: {ex.Message}");
        }
    }

    private async Task PublishAsync(WorkspaceSnapshot snapshot, WorkspaceChange change, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Decrement(ref _analysing);
                    throw;
                }
            }

            WorkspaceAnalysis analysis;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                analysis = await snapshot.GetAnalysisAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Sending is not analysing: a change that arrives now is not part of a burst.
                Interlocked.Decrement(ref _analysing);
            }

            var analysed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var features = _state.Features;
            var publications = analysis.OpenPipelineFiles
                .Select(path => Build(snapshot, analysis, path, features))
                .OrderBy(p => p.Uri == change.DocumentUri ? 0 : 1)
                .ThenBy(p => p.Uri, StringComparer.Ordinal)
                .ToList();

            await _publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var current = new HashSet<string>(StringComparer.Ordinal);
                foreach (var publication in publications)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    current.Add(publication.Uri);
                    // A file that is not open and whose findings did not change is not sent again; a
                    // document that was just closed is (its last diagnostics named a version it no longer has).
                    // Only closed files need the comparison; an open document's diagnostics always go out.
                    var fingerprint = publication.Version is null ? JsonSerializer.Serialize(publication.Diagnostics, LspJsonContext.Default.IReadOnlyListDiagnostic) : "v" + publication.Version;
                    if (publication.Version is null && _published.TryGetValue(publication.Uri, out var previous) && previous == fingerprint)
                    {
                        continue;
                    }

                    await _state.Client.NotifyAsync("textDocument/publishDiagnostics", publication).ConfigureAwait(false);
                    _published[publication.Uri] = fingerprint;
                }

                foreach (var stale in _published.Keys.Where(uri => !current.Contains(uri)).ToList())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await _state.Client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams { Uri = stale, Diagnostics = Array.Empty<Diagnostic>() }).ConfigureAwait(false);
                    _published.Remove(stale);
                }
            }
            finally
            {
                _publishing.Release();
            }

            // With tracing on, where the time of a change went: the analysis, then building and sending.
            var total = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            _state.Log.Trace("textDocument/publishDiagnostics", total, $"{publications.Count} document(s); analysed in {analysed.TotalMilliseconds:F1} ms, built and sent in {(total - analysed).TotalMilliseconds:F1} ms");
        }
        catch (OperationCanceledException)
        {
            // Superseded by a newer change, which publishes instead.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _state.Log.Error($"diagnostics failed: {ex}");
        }
    }

    private static PublishDiagnosticsParams Build(WorkspaceSnapshot snapshot, WorkspaceAnalysis analysis, string path, ClientFeatures features)
    {
        var document = snapshot.Documents.GetByPath(path);
        return new PublishDiagnosticsParams
        {
            Uri = snapshot.UriOf(path),
            Version = document?.Version,
            Diagnostics = analysis.FindingsIn(path).Select(f => DiagnosticFactory.Create(f, snapshot, features)).ToList(),
        };
    }
}

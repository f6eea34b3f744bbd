using System;
using System.Threading;
using System.Threading.Tasks;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>
/// The workspace at one moment: open documents and settings. Immutable; its analysis runs once,
/// on first demand (the diagnostics publisher or a request), and is cancelled when a newer
/// snapshot replaces this one.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly CancellationTokenSource _superseded = new();
    private readonly Lazy<Task<WorkspaceAnalysis>> _analysis;
    private readonly Action<string> _reportError;

    public WorkspaceSnapshot(long generation, PathMapper? paths, DiskCache? disk, DocumentStore documents, ServerSettings settings, Action<string> reportError)
    {
        Generation = generation;
        Paths = paths;
        Disk = disk;
        Documents = documents;
        Settings = settings;
        _reportError = reportError;
        _analysis = new Lazy<Task<WorkspaceAnalysis>>(
            () => Task.Run(() => WorkspaceAnalyzer.Analyze(this, _superseded.Token), _superseded.Token),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public long Generation { get; }

    /// <summary>Null until <c>initialize</c> named the workspace folder.</summary>
    public PathMapper? Paths { get; }

    public DiskCache? Disk { get; }

    public DocumentStore Documents { get; }

    public ServerSettings Settings { get; }

    public WorkspaceSnapshot With(DocumentStore? documents = null, ServerSettings? settings = null)
        => new(Generation + 1, Paths, Disk, documents ?? Documents, settings ?? Settings, _reportError);

    public WorkspaceSnapshot WithRoot(PathMapper paths, DiskCache disk)
        => new(Generation + 1, paths, disk, Documents, Settings, _reportError);

    /// <summary>The analysis; throws <see cref="SnapshotSupersededException"/> when a newer snapshot cancelled it.</summary>
    public async Task<WorkspaceAnalysis> GetAnalysisAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _analysis.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_superseded.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SnapshotSupersededException();
        }
    }

    /// <summary>The repository path of a URI in this workspace, or null.</summary>
    public string? PathOf(string uri) => Documents.Get(uri)?.Path ?? Paths?.ToRepositoryPath(uri);

    /// <summary>The URI to publish a file under: the client's own spelling when it is open.</summary>
    public string UriOf(string path) => Documents.GetByPath(path)?.Uri ?? Paths?.ToUri(path) ?? path;

    internal void Supersede() => _superseded.Cancel();

    internal void ReportError(string message) => _reportError(message);
}

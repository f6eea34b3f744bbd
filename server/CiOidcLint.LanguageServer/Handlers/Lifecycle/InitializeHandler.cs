using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using StreamJsonRpc;

namespace CiOidcLint.LanguageServer.Handlers.Lifecycle;

/// <summary>
/// <c>initialize</c>: reads what the client supports, takes the workspace folder as the
/// repository root (else <c>rootUri</c>, <c>rootPath</c>, the current folder) and advertises
/// exactly the methods in the handler list.
/// </summary>
public sealed class InitializeHandler : MutatingRequestHandler<InitializeParams, InitializeResult>
{
    private readonly ImmutableHashSet<string> _methods;

    public InitializeHandler(ImmutableHashSet<string> methods)
    {
        _methods = methods;
    }

    public override string Method => "initialize";

    public override bool AllowedBeforeInitialize => true;

    public override InitializeResult Handle(InitializeParams? request, ServerState state)
    {
        if (state.Lifetime.IsInitialized)
        {
            throw new LocalRpcException("initialize was already received") { ErrorCode = LspErrorCodes.InvalidRequest };
        }

        request ??= new InitializeParams();
        var features = ClientFeatures.From(request.Capabilities);
        state.Features = features;
        state.Log.TraceLevel = request.Trace ?? "off";

        var root = RootOf(request);
        if (root is null)
        {
            root = Directory.GetCurrentDirectory();
            state.Log.Warning($"the client named no workspace folder; using {root}");
        }

        var paths = new PathMapper(root);
        state.Workspace.Update(
            s => s.WithRoot(paths, new DiskCache(paths.Root)).With(settings: ServerSettings.From(request.InitializationOptions)),
            WorkspaceChange.Environment);
        state.Lifetime.MarkInitialized();
        state.Log.Info($"cioidclint language server {Version} for {paths.Root} ({(features.PullDiagnostics ? "pull" : "push")} diagnostics)");

        return new InitializeResult
        {
            Capabilities = Capabilities(features),
            ServerInfo = new ServerInfo { Name = "cioidclint", Version = Version },
        };
    }

    private static string Version => typeof(InitializeHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static string? RootOf(InitializeParams request)
    {
        foreach (var uri in (request.WorkspaceFolders ?? System.Array.Empty<WorkspaceFolder>()).Select(f => f.Uri).Append(request.RootUri))
        {
            if (uri is not null && PathMapper.ToLocalPath(uri) is { } local && Directory.Exists(local))
            {
                return local;
            }
        }

        return !string.IsNullOrEmpty(request.RootPath) && Directory.Exists(request.RootPath) ? request.RootPath : null;
    }

    private ServerCapabilities Capabilities(ClientFeatures features) => new()
    {
        PositionEncoding = "utf-16",
        // A client that takes registrations is told which documents to send once initialized
        // (DocumentSync); declaring sync here too would make it send every document it selects.
        TextDocumentSync = features.SyncRegistration ? null : new TextDocumentSyncOptions
        {
            OpenClose = true,
            Change = TextDocumentSyncKind.Incremental,
            Save = new SaveOptions { IncludeText = false },
        },
        HoverProvider = Has("textDocument/hover"),
        DefinitionProvider = Has("textDocument/definition"),
        ReferencesProvider = Has("textDocument/references"),
        DocumentSymbolProvider = Has("textDocument/documentSymbol"),
        CompletionProvider = Has("textDocument/completion") == true ? new CompletionOptions { TriggerCharacters = new[] { "$" } } : null,
        CodeActionProvider = Has("textDocument/codeAction") == true
            ? new CodeActionOptions { CodeActionKinds = new[] { CodeActionKind.QuickFix, CodeActionKind.SourceFixAllCiOidcLint } }
            : null,
        RenameProvider = Has("textDocument/rename") == true ? new RenameOptions { PrepareProvider = Has("textDocument/prepareRename") == true } : null,
        CodeLensProvider = Has("textDocument/codeLens") == true ? new CodeLensOptions() : null,
        ExecuteCommandProvider = Has("workspace/executeCommand") == true ? new ExecuteCommandOptions { Commands = new[] { EffectiveJobs.EffectiveJobCommand.Name } } : null,
        // One mode per session: a client that pulls gets nothing pushed, and is told so here.
        DiagnosticProvider = features.PullDiagnostics && Has("textDocument/diagnostic") == true
            ? new DiagnosticOptions { Identifier = DiagnosticFactory.Source, InterFileDependencies = true, WorkspaceDiagnostics = false }
            : null,
    };

    private bool? Has(string method) => _methods.Contains(method) ? true : null;
}

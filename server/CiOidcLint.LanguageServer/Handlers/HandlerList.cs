using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.LanguageServer.Handlers.CodeActions;
using CiOidcLint.LanguageServer.Handlers.Diagnostics;
using CiOidcLint.LanguageServer.Handlers.EffectiveJobs;
using CiOidcLint.LanguageServer.Handlers.Lifecycle;
using CiOidcLint.LanguageServer.Handlers.Navigation;
using CiOidcLint.LanguageServer.Handlers.TextSync;
using CiOidcLint.LanguageServer.Handlers.Workspace;
using CiOidcLint.LanguageServer.Hosting;

namespace CiOidcLint.LanguageServer.Handlers;

/// <summary>Every LSP method the server answers, in one list; <c>initialize</c> advertises exactly these.</summary>
public static class HandlerList
{
    public static ImmutableArray<ILspHandler> Create()
    {
        var handlers = ImmutableArray.Create<ILspHandler>(
            new InitializedHandler(),
            new ShutdownHandler(),
            new ExitHandler(),
            new SetTraceHandler(),
            new DidOpenHandler(),
            new DidChangeHandler(),
            new DidCloseHandler(),
            new DidSaveHandler(),
            new DidChangeWatchedFilesHandler(),
            new DidChangeConfigurationHandler(),
            new DocumentDiagnosticHandler(),
            new LintWorkspaceHandler(),
            new CodeActionHandler(),
            new HoverHandler(),
            new DefinitionHandler(),
            new ReferencesHandler(),
            new DocumentSymbolHandler(),
            new CompletionHandler(),
            new PrepareRenameHandler(),
            new RenameHandler(),
            new CodeLensHandler(),
            new EffectiveJobCommand());
        return handlers.Insert(0, new InitializeHandler(handlers.Select(h => h.Method).ToImmutableHashSet()));
    }
}

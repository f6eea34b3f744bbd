using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.LanguageServer.Protocol;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>What the client said it supports, read once at <c>initialize</c>; everything the server sends is shaped by it.</summary>
public sealed record ClientFeatures
{
    public static readonly ClientFeatures None = From(new ClientCapabilities());

    /// <summary>Pull diagnostics (<c>textDocument/diagnostic</c>): then nothing is pushed, or a client that does both would show every finding twice.</summary>
    public bool PullDiagnostics { get; init; }

    public bool DiagnosticRefresh { get; init; }

    public ImmutableHashSet<int> DiagnosticTags { get; init; } = ImmutableHashSet<int>.Empty;

    public bool RelatedInformation { get; init; }

    public bool CodeDescription { get; init; }

    public bool DocumentChanges { get; init; }

    public bool CreateFiles { get; init; }

    public bool CodeActionLiterals { get; init; }

    public bool IsPreferred { get; init; }

    public bool WatchedFilesRegistration { get; init; }

    public bool ConfigurationRequests { get; init; }

    public bool ConfigurationRegistration { get; init; }

    public bool HierarchicalSymbols { get; init; }

    public bool MarkdownHover { get; init; }

    /// <summary>
    /// The client takes document sync registrations at run time: the server then names the
    /// documents to send (its pipeline names and globs) instead of the client deciding.
    /// </summary>
    public bool SyncRegistration { get; init; }

    /// <summary>Completion items may be snippets with tab stops.</summary>
    public bool Snippets { get; init; }

    /// <summary>Completion items may carry the Deprecated tag.</summary>
    public bool DeprecatedCompletionTag { get; init; }

    public static ClientFeatures From(ClientCapabilities capabilities)
    {
        var document = capabilities.TextDocument;
        var workspace = capabilities.Workspace;
        return new ClientFeatures
        {
            PullDiagnostics = document?.Diagnostic is not null,
            DiagnosticRefresh = workspace?.Diagnostics?.RefreshSupport == true,
            DiagnosticTags = document?.PublishDiagnostics?.TagSupport?.ValueSet.ToImmutableHashSet() ?? ImmutableHashSet<int>.Empty,
            RelatedInformation = document?.PublishDiagnostics?.RelatedInformation == true,
            CodeDescription = document?.PublishDiagnostics?.CodeDescriptionSupport == true,
            DocumentChanges = workspace?.WorkspaceEdit?.DocumentChanges == true,
            CreateFiles = workspace?.WorkspaceEdit?.DocumentChanges == true && workspace.WorkspaceEdit.ResourceOperations?.Contains("create") == true,
            CodeActionLiterals = document?.CodeAction?.CodeActionLiteralSupport is not null,
            IsPreferred = document?.CodeAction?.IsPreferredSupport == true,
            WatchedFilesRegistration = workspace?.DidChangeWatchedFiles?.DynamicRegistration == true,
            ConfigurationRequests = workspace?.Configuration == true,
            ConfigurationRegistration = workspace?.DidChangeConfiguration?.DynamicRegistration == true,
            HierarchicalSymbols = document?.DocumentSymbol?.HierarchicalDocumentSymbolSupport == true,
            MarkdownHover = document?.Hover?.ContentFormat?.Contains("markdown") ?? true,
            SyncRegistration = document?.Synchronization?.DynamicRegistration == true,
            Snippets = document?.Completion?.CompletionItem?.SnippetSupport == true,
            DeprecatedCompletionTag = document?.Completion?.CompletionItem?.TagSupport?.ValueSet.Contains(1) == true,
        };
    }
}

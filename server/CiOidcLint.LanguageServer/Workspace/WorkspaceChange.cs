namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>What a workspace change was: a document's text (open, change, close), or something around it (disk, settings).</summary>
public sealed record WorkspaceChange(string? DocumentUri, bool IsDocumentText)
{
    public static WorkspaceChange Document(string uri) => new(uri, true);

    public static WorkspaceChange Environment { get; } = new(null, false);
}

using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>A document the client has open: its URI as the client spelled it, its repository path (null outside the repository), version and text.</summary>
public sealed record OpenDocument(string Uri, string? Path, int Version, SourceText Text, string LanguageId);

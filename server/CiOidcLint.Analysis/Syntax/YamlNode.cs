using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Syntax;

/// <summary>
/// A YAML node that remembers the file and span it came from. Nodes are shared, never copied:
/// an alias resolves to the anchored node itself, so a file of nested aliases costs linear
/// memory, and every value in an effective job still points at its original place.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(SyntaxFile file, TextSpan span, string? tag)
    {
        File = file;
        Span = span;
        Tag = tag;
    }

    /// <summary>The file this node was written in.</summary>
    public SyntaxFile File { get; }

    /// <summary>The node's place in <see cref="File"/>: from its tag, anchor or first character to its last non-blank character.</summary>
    public TextSpan Span { get; }

    /// <summary>The explicit tag (<c>!reference</c>), or null.</summary>
    public string? Tag { get; }

    public bool IsReference => Tag == "!reference";

    public SourceLocation Location => new(File, Span);
}

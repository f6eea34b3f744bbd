using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Syntax;

/// <summary>A span in one file of the pipeline.</summary>
public readonly record struct SourceLocation(SyntaxFile File, TextSpan Span)
{
    public LinePositionSpan LineSpan => File.Text.Lines.GetLinePositionSpan(Span);

    public override string ToString() => $"{File.Path}({LineSpan.Start.Line + 1},{LineSpan.Start.Character + 1})";
}

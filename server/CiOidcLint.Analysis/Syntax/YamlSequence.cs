using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Syntax;

public sealed class YamlSequence : YamlNode
{
    internal YamlSequence(SyntaxFile file, TextSpan span, string? tag, ImmutableArray<YamlNode> items, bool isFlow)
        : base(file, span, tag)
    {
        Items = items;
        IsFlow = isFlow;
    }

    public ImmutableArray<YamlNode> Items { get; }

    public bool IsFlow { get; }

    /// <summary>A sequence composed from others (a <c>!reference</c> spliced into a script).</summary>
    public static YamlSequence Compose(YamlNode origin, ImmutableArray<YamlNode> items)
        => new(origin.File, origin.Span, null, items, origin is YamlSequence { IsFlow: true });
}

using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.LanguageServer.Features;

/// <summary>
/// The node under the cursor and how it was reached from the file's top: the keys (and, for
/// sequence items, the sequences) above it, as written in this file.
/// </summary>
public sealed record NodePath(YamlNode Node, bool IsKey, ImmutableArray<NodePath.Step> Steps)
{
    /// <summary>One level: the entry's key (null inside a sequence) and the collection holding it.</summary>
    public sealed record Step(string? Key, YamlNode Collection, YamlEntry? Entry);

    /// <summary>The keys from the top, sequences left out: <c>job, secrets, DB, token</c>.</summary>
    public ImmutableArray<string> Keys => Steps.Where(s => s.Key is not null).Select(s => s.Key!).ToImmutableArray();

    public string? KeyFromEnd(int index) => Keys.Length > index ? Keys[Keys.Length - 1 - index] : null;

    /// <summary>The sequence directly holding the node, if any.</summary>
    public YamlSequence? ParentSequence => Steps.Length > 0 && Steps[^1].Key is null ? Steps[^1].Collection as YamlSequence : null;

    /// <summary>The node at <paramref name="offset"/> (an end counts as inside, where the cursor sits after typing).</summary>
    public static NodePath? Find(SyntaxFile file, int offset)
    {
        if (file.Root is not { } root || !Contains(root, offset))
        {
            return null;
        }

        var steps = ImmutableArray.CreateBuilder<Step>();
        var node = root;
        for (var depth = 0; depth < 200; depth++)
        {
            switch (node)
            {
                case YamlMapping mapping:
                    var entry = mapping.WrittenEntries.FirstOrDefault(e => e.Key.File == file && Contains(e.Key, offset))
                        ?? mapping.WrittenEntries.LastOrDefault(e => e.Value.File == file && Contains(e.Value, offset));
                    if (entry is null)
                    {
                        return new NodePath(node, false, steps.ToImmutable());
                    }

                    steps.Add(new Step(entry.Name, mapping, entry));
                    if (Contains(entry.Key, offset))
                    {
                        return new NodePath(entry.Key, true, steps.ToImmutable());
                    }

                    node = entry.Value;
                    break;
                case YamlSequence sequence:
                    var item = sequence.Items.FirstOrDefault(i => i.File == file && Contains(i, offset));
                    if (item is null)
                    {
                        return new NodePath(node, false, steps.ToImmutable());
                    }

                    steps.Add(new Step(null, sequence, null));
                    node = item;
                    break;
                default:
                    return new NodePath(node, false, steps.ToImmutable());
            }
        }

        return new NodePath(node, false, steps.ToImmutable());
    }

    private static bool Contains(YamlNode node, int offset) => node.Span.Start <= offset && offset <= node.Span.End;
}

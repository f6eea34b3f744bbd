using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Syntax;

/// <summary>One <c>key: value</c> pair, both still at their written places.</summary>
public sealed class YamlEntry
{
    public YamlEntry(YamlNode key, YamlNode value)
    {
        Key = key;
        Value = value;
    }

    public YamlNode Key { get; }

    public YamlNode Value { get; }

    /// <summary>The key as GitLab's hash sees it (scalars only; a complex key has no name).</summary>
    public string Name => Key is YamlScalar s ? s.Value : string.Empty;

    public override string ToString() => Name;
}

/// <summary>
/// A mapping as GitLab's Ruby hash sees it: a key written twice keeps its first position and
/// its last value. <see cref="WrittenEntries"/> still lists every pair as written.
/// A mapping may be synthetic (the result of <c>extends</c>, <c>include</c> or <c>default</c>),
/// in which case its entries come from several files.
/// </summary>
public sealed class YamlMapping : YamlNode
{
    /// <summary>Below this many entries a linear search beats building a dictionary (most CI mappings are small).</summary>
    private const int IndexedFrom = 9;

    /// <summary>Key to entry position, for big mappings only.</summary>
    private readonly Dictionary<string, int>? _index;

    internal YamlMapping(SyntaxFile file, TextSpan span, string? tag, ImmutableArray<YamlEntry> written, ImmutableArray<YamlEntry> entries, bool isFlow)
        : this(file, span, tag, written, entries, isFlow, isSynthetic: false)
    {
    }

    private YamlMapping(SyntaxFile file, TextSpan span, string? tag, ImmutableArray<YamlEntry> written, ImmutableArray<YamlEntry> entries, bool isFlow, bool isSynthetic)
        : base(file, span, tag)
    {
        WrittenEntries = written;
        Entries = entries;
        IsFlow = isFlow;
        IsSynthetic = isSynthetic;
        if (entries.Length >= IndexedFrom)
        {
            _index = new Dictionary<string, int>(entries.Length, System.StringComparer.Ordinal);
            for (var i = 0; i < entries.Length; i++)
            {
                _index[entries[i].Name] = i;
            }
        }
    }

    /// <summary>Entries as Ruby loads them: merge keys applied, a repeated key at its first position with its last value.</summary>
    public ImmutableArray<YamlEntry> Entries { get; }

    /// <summary>Every explicit pair as written, duplicates included, <c>&lt;&lt;</c> merge keys left out.</summary>
    public ImmutableArray<YamlEntry> WrittenEntries { get; }

    public bool IsFlow { get; }

    /// <summary>True when this mapping was composed from others rather than written.</summary>
    public bool IsSynthetic { get; }

    public int Count => Entries.Length;

    public YamlEntry? GetEntry(string key) => IndexOf(key) is var i and >= 0 ? Entries[i] : null;

    public YamlNode? Get(string key) => GetEntry(key)?.Value;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        // From the end: should a composed mapping hold a name twice, the last one counts, as in the index.
        for (var i = Entries.Length - 1; i >= 0; i--)
        {
            if (string.Equals(Entries[i].Name, key, System.StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>An empty mapping at the start of <paramref name="file"/>, for a file with no configuration.</summary>
    public static YamlMapping Empty(SyntaxFile file)
        => new(file, new TextSpan(0, 0), null, ImmutableArray<YamlEntry>.Empty, ImmutableArray<YamlEntry>.Empty, isFlow: false, isSynthetic: true);

    /// <summary>A composed mapping that keeps <paramref name="origin"/>'s place for its own span.</summary>
    public static YamlMapping Compose(YamlNode origin, ImmutableArray<YamlEntry> entries)
        => new(origin.File, origin.Span, origin is YamlMapping m ? m.Tag : null, entries, entries, origin is YamlMapping { IsFlow: true }, isSynthetic: true);
}

using System;
using System.Collections.Generic;

namespace CiOidcLint.Analysis.Syntax;

/// <summary>
/// Where the last entry of each key sits in a growing list of entries. Nearly every mapping of
/// a pipeline has a handful of keys, so those are scanned; a dictionary is built only once the
/// list is long (the top level of a big pipeline), keeping the parse linear.
/// </summary>
internal sealed class KeyPositions
{
    private const int ScanLimit = 8;

    private readonly List<YamlEntry> _entries;
    private Dictionary<string, int>? _index;

    /// <param name="entries">The list, which may already hold entries; the caller adds to it and then calls <see cref="Added"/>.</param>
    public KeyPositions(List<YamlEntry> entries)
    {
        _entries = entries;
        if (entries.Count > ScanLimit)
        {
            BuildIndex();
        }
    }

    public bool TryGetLast(string name, out int at)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(name, out at);
        }

        for (at = _entries.Count - 1; at >= 0; at--)
        {
            if (string.Equals(_entries[at].Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Call after each <c>Add</c> to the list.</summary>
    public void Added()
    {
        if (_index is not null)
        {
            _index[_entries[^1].Name] = _entries.Count - 1;
        }
        else if (_entries.Count > ScanLimit)
        {
            BuildIndex();
        }
    }

    private void BuildIndex()
    {
        // Ascending, so a name written twice keeps its last position.
        _index = new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
        for (var i = 0; i < _entries.Count; i++)
        {
            _index[_entries[i].Name] = i;
        }
    }
}

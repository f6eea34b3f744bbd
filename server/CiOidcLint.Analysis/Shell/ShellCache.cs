using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;

namespace CiOidcLint.Analysis.Shell;

/// <summary>
/// Shell parses and variable scans of script text, shared across analyses. In the editor the
/// YAML is parsed anew on every keystroke, so each analysis has new scalar objects, but nearly
/// all their values are the same strings as a moment ago; keyed by content, their parses are
/// reused. Both results are pure functions of the text (their offsets are relative to it).
/// </summary>
internal static class ShellCache
{
    private static readonly GenerationalCache<ShellScript> Scripts = new(ShellParser.Parse);
    private static readonly GenerationalCache<ImmutableArray<VariableReference>> VariableLists = new(VariableScanner.Find);

    public static ShellScript Parse(string text) => Scripts.Get(text);

    public static ImmutableArray<VariableReference> Variables(string text) => VariableLists.Get(text);
}

/// <summary>
/// A bounded, thread-safe memo of a function of strings. Entries live in two generations: when
/// the current one fills up it becomes the previous one and the older is dropped, so what the
/// last analyses used stays and the rest goes, without bookkeeping on every hit.
/// </summary>
internal sealed class GenerationalCache<TValue>
{
    /// <summary>Enough for every script line of a pipeline of a few thousand jobs; past it, entries of old edits go.</summary>
    public const int DefaultCapacity = 8_192;

    /// <summary>
    /// The text a generation may hold. Typing in a long block script makes a new long key on every
    /// keystroke, so counting entries alone would let a long session grow without bound.
    /// </summary>
    public const long DefaultCharacterBudget = 2_000_000;

    /// <summary>A longer text is parsed each time: kept, it would pin a lot of memory for one entry.</summary>
    private const int MaxKeyLength = 16_384;

    private readonly Func<string, TValue> _compute;
    private readonly int _capacity;
    private readonly long _characterBudget;
    private readonly object _rotation = new();
    private Generation _current = new();
    private Generation _previous = new();

    public GenerationalCache(Func<string, TValue> compute, int capacity = DefaultCapacity, long characterBudget = DefaultCharacterBudget)
    {
        _compute = compute;
        _capacity = capacity;
        _characterBudget = characterBudget;
    }

    public TValue Get(string key)
    {
        if (key.Length > MaxKeyLength)
        {
            return _compute(key);
        }

        var current = Volatile.Read(ref _current);
        if (current.Entries.TryGetValue(key, out var value))
        {
            return value;
        }

        if (!Volatile.Read(ref _previous).Entries.TryGetValue(key, out value))
        {
            value = _compute(key);
        }

        if (current.Entries.TryAdd(key, value)
            && (Interlocked.Increment(ref current.Count) > _capacity | Interlocked.Add(ref current.Characters, key.Length) > _characterBudget)) // `|`: both counts move
        {
            lock (_rotation)
            {
                if (ReferenceEquals(_current, current))
                {
                    Volatile.Write(ref _previous, current);
                    Volatile.Write(ref _current, new Generation());
                }
            }
        }

        return value;
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, TValue> Entries = new(StringComparer.Ordinal);
        public int Count;
        public long Characters;
    }
}

namespace CiOidcLint.Analysis.Shell;

/// <summary>A position in a region of the text, with what the region's lexing collects into.</summary>
internal sealed class ShellReader
{
    /// <summary>
    /// How deep substitutions, expansions and arithmetic may nest before their syntax is read as
    /// plain text. It bounds recursion (no stack overflow on hostile input) and rescanning.
    /// </summary>
    public const int MaxDepth = 64;

    public ShellReader(ShellSource source, int position, int limit, int depth, bool inSubstitution, ParseSinks sinks)
    {
        Source = source;
        Text = source.Text;
        Position = position;
        Limit = limit;
        Depth = depth;
        InSubstitution = inSubstitution;
        Sinks = sinks;
    }

    public ShellSource Source { get; }

    public string Text { get; }

    public int Position { get; set; }

    /// <summary>Exclusive end of the region.</summary>
    public int Limit { get; }

    public int Depth { get; set; }

    public bool CanNest => Depth < MaxDepth;

    public bool InSubstitution { get; }

    public ParseSinks Sinks { get; }

    public bool AtEnd => Position >= Limit;

    /// <summary>The character at <paramref name="index"/>, or NUL past the region.</summary>
    public char At(int index) => index >= 0 && index < Limit ? Text[index] : '\0';

    /// <summary>The length of a backslash-newline line continuation at <paramref name="index"/>, or 0.</summary>
    public int ContinuationLength(int index)
    {
        if (At(index) != '\\')
        {
            return 0;
        }

        var next = At(index + 1);
        if (next == '\n')
        {
            return 2;
        }

        return next == '\r' && At(index + 2) == '\n' ? 3 : 0;
    }

    /// <summary>A reader over a sub-region that reports into the same sinks.</summary>
    public ShellReader Region(int start, int limit, int depth) => new(Source, start, limit, depth, InSubstitution, Sinks);
}

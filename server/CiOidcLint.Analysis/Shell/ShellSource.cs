using System.Collections.Generic;

namespace CiOidcLint.Analysis.Shell;

/// <summary>The text being parsed, shared by every reader of one parse.</summary>
internal sealed class ShellSource
{
    private int[]? _matchingParen;

    public ShellSource(string text) => Text = text;

    public string Text { get; }

    /// <summary>
    /// The index of the <c>)</c> that closes the <c>(</c> at <paramref name="open"/>, counting every
    /// parenthesis regardless of quotes, or -1. Computed once per text: telling <c>$((</c>
    /// arithmetic from <c>$( (</c> by scanning ahead at each occurrence would be quadratic.
    /// </summary>
    public int MatchingParen(int open)
    {
        _matchingParen ??= ComputeMatches(Text);
        return open >= 0 && open < _matchingParen.Length ? _matchingParen[open] : -1;
    }

    private static int[] ComputeMatches(string text)
    {
        var matches = new int[text.Length];
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            matches[i] = -1;
            if (text[i] == '(')
            {
                open.Push(i);
            }
            else if (text[i] == ')' && open.Count > 0)
            {
                matches[open.Pop()] = i;
            }
        }

        return matches;
    }
}

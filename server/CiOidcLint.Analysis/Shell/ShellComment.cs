namespace CiOidcLint.Analysis.Shell;

/// <summary>A <c>#</c> comment, from the <c>#</c> up to (not including) the line break.</summary>
public sealed class ShellComment
{
    internal ShellComment(int start, string text)
    {
        Start = start;
        Text = text;
    }

    public int Start { get; }

    public int Length => Text.Length;

    public int End => Start + Text.Length;

    /// <summary>The comment including its leading <c>#</c>.</summary>
    public string Text { get; }

    public override string ToString() => Text;
}

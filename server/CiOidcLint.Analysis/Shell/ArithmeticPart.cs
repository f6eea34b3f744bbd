using System.Collections.Immutable;

namespace CiOidcLint.Analysis.Shell;

/// <summary><c>$((...))</c>: it runs no command of its own, unlike <c>$( (...) )</c>.</summary>
public sealed class ArithmeticPart : ShellWordPart
{
    internal ArithmeticPart(string text, ImmutableArray<ShellWordPart> parts, int start, int length)
        : base(start, length)
    {
        Text = text;
        Parts = parts;
    }

    /// <summary>The expression between <c>$((</c> and <c>))</c>, as written.</summary>
    public string Text { get; }

    /// <summary>The expression split into literal text and the expansions inside it.</summary>
    public ImmutableArray<ShellWordPart> Parts { get; }

    public override string ToString() => "$((" + Text + "))";
}

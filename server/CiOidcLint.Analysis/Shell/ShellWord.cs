using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CiOidcLint.Analysis.Shell;

/// <summary>A shell word: a command name, an argument, an assignment's value, an expansion's operand.</summary>
public sealed class ShellWord
{
    internal ShellWord(int start, string rawText, ImmutableArray<ShellWordPart> parts)
    {
        Start = start;
        RawText = rawText;
        Parts = parts;
        LiteralValue = ComputeLiteralValue(parts);
        Substitutions = CollectSubstitutions(parts);
    }

    public int Start { get; }

    public int Length => RawText.Length;

    public int End => Start + RawText.Length;

    /// <summary>The word as written, quotes, escapes and line continuations included.</summary>
    public string RawText { get; }

    public ImmutableArray<ShellWordPart> Parts { get; }

    /// <summary>The word's value with quotes and escapes removed, when it contains no expansion at all; otherwise null.</summary>
    public string? LiteralValue { get; }

    /// <summary>
    /// The command substitutions that this word runs itself: those among its parts, in a parameter
    /// expansion's operand (<c>${X:-$(cmd)}</c>) or in arithmetic, but not those nested in another substitution.
    /// </summary>
    public ImmutableArray<CommandSubstitution> Substitutions { get; }

    /// <summary>The value when the word is one unquoted, unescaped literal (how reserved words are recognised).</summary>
    internal string? BareText =>
        Parts.Length == 1 && Parts[0] is LiteralPart { Quote: QuoteKind.None } literal && literal.Text.Length == RawText.Length
            ? literal.Text
            : null;

    /// <summary>
    /// Whether the word has the shape of an assignment, <c>NAME=value</c>, <c>NAME+=value</c> or
    /// <c>NAME[sub]=value</c>, with the name part unquoted. This is how the arguments of
    /// <c>export</c>, <c>local</c>, <c>readonly</c>, <c>declare</c> and <c>typeset</c> are read.
    /// </summary>
    /// <param name="name">The name, without a subscript.</param>
    /// <param name="valueOffsetInWord">The offset in <see cref="RawText"/> just after the <c>=</c>.</param>
    public bool TryGetAssignment(out string name, out int valueOffsetInWord)
    {
        name = string.Empty;
        valueOffsetInWord = -1;
        if (!TryMatchAssignment(out var nameLength, out var valueOffset, out _))
        {
            return false;
        }

        name = RawText.Substring(0, nameLength);
        valueOffsetInWord = valueOffset;
        return true;
    }

    /// <summary>As <see cref="TryGetAssignment(out string, out int)"/>, with the value split out as a word of its own.</summary>
    public bool TryGetAssignment([NotNullWhen(true)] out ShellAssignment? assignment)
    {
        assignment = null;
        if (!TryMatchAssignment(out var nameLength, out var valueOffset, out var isAppend))
        {
            return false;
        }

        var first = (LiteralPart)Parts[0];
        var valueParts = ImmutableArray.CreateBuilder<ShellWordPart>(Parts.Length);
        if (first.Length > valueOffset)
        {
            valueParts.Add(new LiteralPart(first.Text.Substring(valueOffset), QuoteKind.None, first.Start + valueOffset, first.Length - valueOffset));
        }

        for (var i = 1; i < Parts.Length; i++)
        {
            valueParts.Add(Parts[i]);
        }

        var value = new ShellWord(Start + valueOffset, RawText.Substring(valueOffset), valueParts.ToImmutable());
        assignment = new ShellAssignment(RawText.Substring(0, nameLength), Start, isAppend, value, this);
        return true;
    }

    public override string ToString() => RawText;

    private bool TryMatchAssignment(out int nameLength, out int valueOffset, out bool isAppend)
    {
        nameLength = 0;
        valueOffset = 0;
        isAppend = false;
        var raw = RawText;
        if (Parts.Length == 0 || Parts[0] is not LiteralPart { Quote: QuoteKind.None } first || first.Start != Start
            || raw.Length == 0 || !ShellChars.IsNameStart(raw[0]))
        {
            return false;
        }

        var i = 1;
        while (i < raw.Length && ShellChars.IsNameChar(raw[i]))
        {
            i++;
        }

        nameLength = i;
        if (i < raw.Length && raw[i] == '[')
        {
            var close = raw.IndexOf(']', i + 1);
            if (close < 0)
            {
                return false;
            }

            i = close + 1;
        }

        if (i < raw.Length && raw[i] == '+')
        {
            isAppend = true;
            i++;
        }

        if (i >= raw.Length || raw[i] != '=')
        {
            return false;
        }

        valueOffset = i + 1;

        // The name and '=' must be one stretch of plain text, so that the value offsets in the text and
        // in the raw source agree: `A\=b` and `A"="b` are not assignments to bash either.
        return first.Length >= valueOffset && string.CompareOrdinal(first.Text, 0, raw, 0, valueOffset) == 0;
    }

    private static string? ComputeLiteralValue(ImmutableArray<ShellWordPart> parts)
    {
        if (parts.Length == 1)
        {
            return parts[0] is LiteralPart only ? only.Text : null;
        }

        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is not LiteralPart literal)
            {
                return null;
            }

            builder.Append(literal.Text);
        }

        return builder.ToString();
    }

    private static ImmutableArray<CommandSubstitution> CollectSubstitutions(ImmutableArray<ShellWordPart> parts)
    {
        ImmutableArray<CommandSubstitution>.Builder? found = null;
        Collect(parts, ref found);
        return found?.ToImmutable() ?? ImmutableArray<CommandSubstitution>.Empty;
    }

    private static void Collect(ImmutableArray<ShellWordPart> parts, ref ImmutableArray<CommandSubstitution>.Builder? found)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case CommandSubstitution substitution:
                    (found ??= ImmutableArray.CreateBuilder<CommandSubstitution>()).Add(substitution);
                    break;
                case VariablePart { Operand: { } operand } when !operand.Substitutions.IsEmpty:
                    (found ??= ImmutableArray.CreateBuilder<CommandSubstitution>()).AddRange(operand.Substitutions);
                    break;
                case ArithmeticPart arithmetic:
                    Collect(arithmetic.Parts, ref found);
                    break;
            }
        }
    }
}

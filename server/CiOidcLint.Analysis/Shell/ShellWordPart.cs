namespace CiOidcLint.Analysis.Shell;

/// <summary>
/// One piece of a <see cref="ShellWord"/>: <see cref="LiteralPart"/>, <see cref="VariablePart"/>,
/// <see cref="CommandSubstitution"/> or <see cref="ArithmeticPart"/>. Offsets are absolute in the
/// text given to <see cref="ShellParser.Parse"/>.
/// </summary>
public abstract class ShellWordPart
{
    // Not public, so the set of subclasses stays closed and rules can switch over it.
    private protected ShellWordPart(int start, int length)
    {
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;
}

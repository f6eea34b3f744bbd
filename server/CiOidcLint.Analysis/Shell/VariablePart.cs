namespace CiOidcLint.Analysis.Shell;

/// <summary>A parameter expansion: <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-word}</c>, <c>$?</c>...</summary>
public sealed class VariablePart : ShellWordPart
{
    internal VariablePart(VariableReference reference, string @operator, ShellWord? operand, int start, int length)
        : base(start, length)
    {
        Reference = reference;
        Operator = @operator;
        Operand = operand;
    }

    public VariableReference Reference { get; }

    /// <summary>The expansion operator after the name (<c>:-</c>, <c>=</c>, <c>##</c>, <c>//</c>, <c>:</c>...), or empty.</summary>
    public string Operator { get; }

    /// <summary>The word after the operator (a default value, a pattern...), when there is one.</summary>
    public ShellWord? Operand { get; }

    public override string ToString() => Reference.ToString();
}

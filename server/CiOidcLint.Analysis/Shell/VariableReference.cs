namespace CiOidcLint.Analysis.Shell;

/// <summary>A use of a variable by name.</summary>
public sealed class VariableReference
{
    internal VariableReference(string name, int start, int length, int nameStart, VariableForm form, bool inDoubleQuotes, bool inSubstitution)
    {
        Name = name;
        Start = start;
        Length = length;
        NameStart = nameStart;
        Form = form;
        InDoubleQuotes = inDoubleQuotes;
        InSubstitution = inSubstitution;
    }

    /// <summary>The name alone, without <c>$</c>, braces, <c>env:</c> or an expansion operator.</summary>
    public string Name { get; }

    /// <summary>Where the whole reference starts: at the <c>$</c> or <c>%</c>.</summary>
    public int Start { get; }

    /// <summary>
    /// The length of the whole reference: <c>$X</c>, <c>${X:-default}</c> up to its closing brace,
    /// <c>%X%</c>, <c>$env:X</c>. To rewrite the name alone, use <see cref="NameStart"/>.
    /// </summary>
    public int Length { get; }

    public int End => Start + Length;

    /// <summary>Where <see cref="Name"/> itself starts.</summary>
    public int NameStart { get; }

    public VariableForm Form { get; }

    /// <summary>Directly inside double quotes (or a double-quoted parameter expansion), at the innermost level.</summary>
    public bool InDoubleQuotes { get; }

    /// <summary>Anywhere inside a command or process substitution.</summary>
    public bool InSubstitution { get; }

    public override string ToString() => Form switch
    {
        VariableForm.Braced => "${" + Name + "}",
        VariableForm.Percent => "%" + Name + "%",
        VariableForm.PowerShellEnv => "$env:" + Name,
        _ => "$" + Name,
    };
}

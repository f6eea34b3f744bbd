namespace CiOidcLint.Analysis.Shell;

/// <summary>The syntax a <see cref="VariableReference"/> was written in.</summary>
public enum VariableForm
{
    /// <summary><c>$NAME</c></summary>
    Dollar,

    /// <summary><c>${NAME}</c>, and every parameter expansion on a name: <c>${NAME:-x}</c>, <c>${#NAME}</c>, <c>${!NAME}</c>, <c>${NAME[0]}</c>.</summary>
    Braced,

    /// <summary>cmd's <c>%NAME%</c> (only from <see cref="VariableScanner"/>).</summary>
    Percent,

    /// <summary>PowerShell's <c>$env:NAME</c> or <c>${env:NAME}</c> (only from <see cref="VariableScanner"/>).</summary>
    PowerShellEnv,

    /// <summary>
    /// A special or positional parameter (<c>$?</c>, <c>$1</c>, <c>${10}</c>, <c>$@</c>, <c>$$</c>).
    /// These appear in <see cref="VariablePart"/>s only, never in <see cref="ShellScript.Variables"/>,
    /// so that a name is never confused with them.
    /// </summary>
    Special,
}

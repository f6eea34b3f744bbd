namespace CiOidcLint.Analysis.Shell;

/// <summary>The syntax a <see cref="CommandSubstitution"/> was written in.</summary>
public enum SubstitutionForm
{
    /// <summary><c>$(...)</c></summary>
    Dollar,

    /// <summary><c>`...`</c></summary>
    Backtick,

    /// <summary>Process substitution <c>&lt;(...)</c>: it runs a command too.</summary>
    ProcessInput,

    /// <summary>Process substitution <c>&gt;(...)</c>.</summary>
    ProcessOutput,
}

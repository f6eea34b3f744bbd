namespace CiOidcLint.Analysis.Shell;

/// <summary>The control operator that follows a simple command.</summary>
public enum ShellOperator
{
    /// <summary>Nothing: the end of the script, of a substitution, or of a subshell that nothing follows.</summary>
    None,

    /// <summary><c>&amp;&amp;</c></summary>
    AndIf,

    /// <summary><c>||</c></summary>
    OrIf,

    /// <summary><c>|</c> or <c>|&amp;</c></summary>
    Pipe,

    /// <summary><c>;</c>, and the <c>;;</c>, <c>;&amp;</c>, <c>;;&amp;</c> that end a <c>case</c> branch.</summary>
    Semicolon,

    /// <summary><c>&amp;</c></summary>
    Background,

    /// <summary>An unescaped, unquoted line break.</summary>
    Newline,
}

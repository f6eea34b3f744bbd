namespace CiOidcLint.Analysis.Shell;

/// <summary>How the text of a <see cref="LiteralPart"/> was quoted.</summary>
public enum QuoteKind
{
    None,

    /// <summary><c>'...'</c>, and the body of a here-document whose delimiter is quoted.</summary>
    Single,

    /// <summary><c>"..."</c> (also <c>$"..."</c>).</summary>
    Double,

    /// <summary><c>$'...'</c>, with its backslash escapes decoded.</summary>
    AnsiC,
}

namespace CiOidcLint.Analysis.Shell;

/// <summary>The quoting context an expansion is lexed in; it decides which escapes and quotes apply.</summary>
internal enum LexContext
{
    Unquoted,
    DoubleQuoted,
    HereDocument,
    Arithmetic,
}

namespace CiOidcLint.Analysis.Shell;

internal static class ShellChars
{
    public static bool IsNameStart(char c) => c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    public static bool IsNameChar(char c) => IsNameStart(c) || IsDigit(c);

    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>
    /// Blanks between words. A carriage return counts as one, although bash would keep it in the
    /// word: scripts saved with CRLF line ends should not turn every last argument into a new word.
    /// </summary>
    public static bool IsBlank(char c) => c == ' ' || c == '\t' || c == '\r';

    /// <summary>Characters that end an unquoted word.</summary>
    public static bool EndsWord(char c) => c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '<' or '>' or '(' or ')';

    /// <summary>The single-character special parameters: <c>$?</c>, <c>$@</c>, <c>$*</c>, <c>$#</c>, <c>$$</c>, <c>$!</c>, <c>$-</c>.</summary>
    public static bool IsSpecialParameter(char c) => c is '?' or '@' or '*' or '#' or '$' or '!' or '-';
}

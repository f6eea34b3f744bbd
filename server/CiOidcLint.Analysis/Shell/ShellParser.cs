namespace CiOidcLint.Analysis.Shell;

/// <summary>
/// Parses script lines the way gitlab-runner's bash (or sh) shell reads them, far enough for rules
/// to find commands, their operators, substitutions and variable references. It never throws and
/// runs in linear time; what it cannot make sense of it reads as plain words.
/// </summary>
public static class ShellParser
{
    public static ShellScript Parse(string text)
    {
        text ??= string.Empty;
        var source = new ShellSource(text);
        var reader = new ShellReader(source, 0, text.Length, 0, inSubstitution: false, new ParseSinks());
        return new ScriptParser(reader, stopAtParen: false).Parse();
    }
}

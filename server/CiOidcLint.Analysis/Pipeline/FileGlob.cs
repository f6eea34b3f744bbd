using System.Text;
using System.Text.RegularExpressions;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// A glob over repository paths: <c>*</c> within a folder, <c>**</c> across folders, <c>?</c>,
/// <c>{a,b}</c> and <c>[abc]</c>, matched against a whole path relative to the root. Editors'
/// globs (the <c>files</c> setting) let a glob without a slash match the file name in any folder
/// (<c>*.ci.yml</c>), as .gitignore and VS Code do; GitLab's <c>artifacts:paths</c> and
/// <c>cache:paths</c> do not (<paramref name="nameInAnyFolder"/> false).
/// </summary>
public sealed class FileGlob
{
    private readonly Regex _regex;

    public FileGlob(string pattern, bool nameInAnyFolder = true)
    {
        Pattern = pattern;
        var text = pattern.Replace('\\', '/').TrimStart('/');
        while (text.StartsWith("./", System.StringComparison.Ordinal))
        {
            text = text.Substring(2);
        }

        if (nameInAnyFolder && text.IndexOf('/') < 0)
        {
            text = "**/" + text;
        }

        _regex = Compile(Translate(text)) ?? Compile(Regex.Escape(text))!;
    }

    /// <summary>
    /// The glob's regular expression, or null when the glob makes none (a reversed range such
    /// as <c>[z-a]</c>): such a pattern then matches only itself, so every string is a glob and
    /// no front door (a setting, <c>check --files</c>, the analyzer's property) fails on one.
    /// </summary>
    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, System.TimeSpan.FromSeconds(1));
        }
        catch (System.ArgumentException)
        {
            return null;
        }
    }

    public string Pattern { get; }

    public bool IsMatch(string path) => _regex.IsMatch(path);

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    i++;
                    if (i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        i++;
                        regex.Append("(?:.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }

                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '{':
                    braces++;
                    regex.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    regex.Append(')');
                    break;
                case ',' when braces > 0:
                    regex.Append('|');
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    // No closing bracket, or an empty set ([] or [!]): a literal '[', so that
                    // every string is a glob and no front door can fail on one.
                    if (close < 0 || close == i + 1 || (close == i + 2 && glob[i + 1] == '!'))
                    {
                        regex.Append("\\[");
                        break;
                    }

                    var set = glob.Substring(i + 1, close - i - 1);
                    regex.Append('[').Append(set.StartsWith("!", System.StringComparison.Ordinal) ? "^" + Regex.Escape(set.Substring(1)) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        for (; braces > 0; braces--)
        {
            regex.Append(')');
        }

        return regex.ToString();
    }
}

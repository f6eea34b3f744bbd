using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// The wildcards of <c>include: local</c>, as GitLab documents them: <c>*</c> stays within one
/// folder, <c>**</c> crosses folders (so <c>configs/**.yml</c> is the folder and every folder
/// below it, and <c>configs/**/*.yml</c> only the folders below), <c>?</c>, <c>[...]</c> and
/// <c>{a,b}</c> as in Ruby's <c>File.fnmatch</c> with dot files matched.
/// </summary>
public sealed class IncludeGlob
{
    private readonly Regex _regex;

    private IncludeGlob(string pattern, Regex regex, string baseDirectory)
    {
        Pattern = pattern;
        _regex = regex;
        BaseDirectory = baseDirectory;
    }

    public string Pattern { get; }

    /// <summary>The longest folder prefix without wildcards: where matching starts.</summary>
    public string BaseDirectory { get; }

    public static bool IsGlob(string path) => path.IndexOfAny(new[] { '*', '?', '[', '{' }) >= 0;

    public static IncludeGlob Create(string pattern)
    {
        pattern = pattern.TrimStart('/');
        var regex = new StringBuilder("\\A");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    regex.Append(".*");
                    i++;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append("\\[");
                        break;
                    }

                    var set = pattern.Substring(i + 1, close - i - 1);
                    var negate = set.StartsWith("!", StringComparison.Ordinal) || set.StartsWith("^", StringComparison.Ordinal);
                    if (negate)
                    {
                        set = set.Substring(1);
                    }

                    regex.Append(negate ? "[^/" : "[").Append(set.Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                    i = close;
                    break;
                case '{':
                    var end = pattern.IndexOf('}', i + 1);
                    if (end < 0)
                    {
                        regex.Append("\\{");
                        break;
                    }

                    var options = pattern.Substring(i + 1, end - i - 1).Split(',');
                    regex.Append("(?:").Append(string.Join("|", options.Select(Regex.Escape))).Append(')');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        regex.Append("\\z");
        var firstWildcard = pattern.IndexOfAny(new[] { '*', '?', '[', '{' });
        var prefix = firstWildcard < 0 ? pattern : pattern.Substring(0, firstWildcard);
        var slash = prefix.LastIndexOf('/');
        var baseDirectory = slash < 0 ? string.Empty : prefix.Substring(0, slash);
        return new IncludeGlob(pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), baseDirectory);
    }

    public bool IsMatch(string path) => _regex.IsMatch(path);

    /// <summary>Matching files in path order; folders are walked from <see cref="BaseDirectory"/> only, and never <c>.git</c>.</summary>
    public IReadOnlyList<string> Match(IPipelineFileSystem fileSystem, int maxFiles = 10_000)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(BaseDirectory);
        var visited = 0;
        while (pending.Count > 0 && found.Count < maxFiles && visited++ < 100_000)
        {
            var directory = pending.Pop();
            found.AddRange(fileSystem.EnumerateFiles(directory).Where(IsMatch));
            foreach (var child in fileSystem.EnumerateDirectories(directory).Reverse())
            {
                if (!child.EndsWith("/.git", StringComparison.Ordinal) && child != ".git")
                {
                    pending.Push(child);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}

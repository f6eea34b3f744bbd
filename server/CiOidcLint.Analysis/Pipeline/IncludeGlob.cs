using System;
using System.Collections.Generic;
using System.Linq;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// The wildcards of <c>include: local</c> as GitLab implements them
/// (<c>Repository#search_files_by_wildcard_path</c>): only <c>*</c> and <c>**</c> are special,
/// <c>*</c> stays within one folder and <c>**</c> crosses folders, so <c>configs/**.yml</c> is the
/// folder and every folder below it and <c>configs/**/*.yml</c> only the folders below. Every other
/// character, <c>?</c> and <c>[</c> included, is literal. Matching is a dynamic program over
/// pattern and path, so no pattern can make it slower than their product.
/// </summary>
public sealed class IncludeGlob
{
    private readonly string _pattern;

    private IncludeGlob(string pattern, string baseDirectory)
    {
        _pattern = pattern;
        BaseDirectory = baseDirectory;
    }

    public string Pattern => _pattern;

    /// <summary>The longest folder prefix without wildcards: where matching starts.</summary>
    public string BaseDirectory { get; }

    /// <summary>GitLab expands a local include only when its path holds a <c>*</c>.</summary>
    public static bool IsGlob(string path) => path.IndexOf('*') >= 0;

    public static IncludeGlob Create(string pattern)
    {
        pattern = pattern.TrimStart('/');
        var star = pattern.IndexOf('*');
        var prefix = star < 0 ? pattern : pattern.Substring(0, star);
        var slash = prefix.LastIndexOf('/');
        return new IncludeGlob(pattern, slash < 0 ? string.Empty : prefix.Substring(0, slash));
    }

    public bool IsMatch(string path)
    {
        // reachable[j]: the pattern consumed so far can have consumed path[..j].
        var p = _pattern;
        var reachable = new bool[path.Length + 1];
        reachable[0] = true;
        for (var i = 0; i < p.Length; i++)
        {
            var next = new bool[path.Length + 1];
            if (p[i] == '*')
            {
                var crossesFolders = i + 1 < p.Length && p[i + 1] == '*';
                if (crossesFolders)
                {
                    i++;
                    while (i + 1 < p.Length && p[i + 1] == '*')
                    {
                        i++;
                    }
                }

                var open = false;
                for (var j = 0; j <= path.Length; j++)
                {
                    open |= reachable[j];
                    next[j] = open;
                    if (!crossesFolders && j < path.Length && path[j] == '/')
                    {
                        open = false;
                    }
                }
            }
            else
            {
                for (var j = 0; j < path.Length; j++)
                {
                    next[j + 1] = reachable[j] && path[j] == p[i];
                }
            }

            reachable = next;
        }

        return reachable[path.Length];
    }

    /// <summary>Matching files in path order; folders are walked from <see cref="BaseDirectory"/> only, and never <c>.git</c>.</summary>
    public IReadOnlyList<string> Match(IPipelineFileSystem fileSystem, int maxFiles = 10_000)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(BaseDirectory);
        var visited = 0;
        var crossesFolders = _pattern.IndexOf("**", StringComparison.Ordinal) >= 0;
        var depth = _pattern.Count(c => c == '/');
        while (pending.Count > 0 && found.Count < maxFiles && visited++ < 100_000)
        {
            var directory = pending.Pop();
            found.AddRange(fileSystem.EnumerateFiles(directory).Where(IsMatch));

            // Without '**' a match is exactly as deep as the pattern: no need to walk further.
            if (!crossesFolders && (directory.Length == 0 ? 0 : directory.Count(c => c == '/') + 1) >= depth)
            {
                continue;
            }

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

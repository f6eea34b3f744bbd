using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CiOidcLint.Analysis.Configuration;

/// <summary>
/// Finds the <c>.editorconfig</c> files that apply to some folders: each folder's own and
/// every parent's, up to the first with <c>root = true</c>, as editors and Roslyn do.
/// The caller reads files, so this library stays free of I/O.
/// </summary>
public static class EditorConfigDiscovery
{
    public static IReadOnlyList<(string Path, string Text)> Find(IEnumerable<string> folders, Func<string, string?> readFile)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in folders)
        {
            for (var folder = start; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            {
                if (!visited.Add(folder))
                {
                    break;
                }

                var path = Path.Combine(folder, ".editorconfig");
                var text = readFile(path);
                if (text is null)
                {
                    continue;
                }

                found[path] = text;
                if (IsRoot(text))
                {
                    break;
                }
            }
        }

        return found.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
    }

    private static bool IsRoot(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("[", StringComparison.Ordinal))
            {
                return false;
            }

            var eq = line.IndexOf('=');
            if (eq > 0 && line.Substring(0, eq).Trim().Equals("root", StringComparison.OrdinalIgnoreCase))
            {
                return line.Substring(eq + 1).Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }
}

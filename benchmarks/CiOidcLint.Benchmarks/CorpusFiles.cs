using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CiOidcLint.Benchmarks;

/// <summary>The shared corpus (../shared/corpus beside the repository, or CIOIDCLINT_CORPUS), loaded into memory once.</summary>
internal static class CorpusFiles
{
    public static string Folder
    {
        get
        {
            var given = Environment.GetEnvironmentVariable("CIOIDCLINT_CORPUS");
            if (!string.IsNullOrEmpty(given))
            {
                return given;
            }

            for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "CiOidcLint.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir, "..", "shared", "corpus"));
                }
            }

            throw new InvalidOperationException("set CIOIDCLINT_CORPUS to the corpus folder");
        }
    }

    /// <summary>Every YAML file of the corpus, as (path from the corpus root, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Load()
    {
        var root = Folder;
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"the corpus is not at {root}; set CIOIDCLINT_CORPUS");
        }

        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(f)))
            .ToList();
    }
}

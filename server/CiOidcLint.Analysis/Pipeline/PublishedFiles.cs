using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>One key of a job that publishes files, and the pattern it was given.</summary>
/// <param name="Key">Where it is written: <c>artifacts:paths</c>, <c>artifacts:untracked</c>, <c>artifacts:reports:dotenv</c>, <c>cache:paths</c>, <c>cache:untracked</c>.</param>
/// <param name="Pattern">The path or glob as written (<c>true</c> for <c>untracked</c>).</param>
/// <param name="AccessNarrowed"><c>artifacts:public: false</c> or <c>artifacts:access</c> other than <c>all</c>: fewer people may download, and a dotenv report's variables no longer reach later jobs.</param>
public sealed record Publisher(string Key, string Pattern, bool AccessNarrowed = false)
{
    public bool IsDotenv => Key == "artifacts:reports:dotenv";
}

/// <summary>
/// The files a job publishes once its script has run: <c>artifacts:paths</c> (less
/// <c>artifacts:exclude</c>), everything untracked in the project folder under
/// <c>artifacts:untracked: true</c>, the <c>artifacts:reports:dotenv</c> file, and
/// <c>cache:paths</c> / <c>cache:untracked</c> of every cache. Paths are relative to the project
/// folder (<c>$CI_PROJECT_DIR</c>), as GitLab reads them. GitLab's globs: <c>*</c> within a
/// folder, <c>**</c> across folders, <c>?</c> and <c>[…]</c>; a pattern that names a folder
/// publishes everything under it. A pattern with a variable cannot be judged and matches nothing.
/// </summary>
public sealed class PublishedFiles
{
    private readonly ImmutableArray<(Publisher Publisher, FileGlob? Glob)> _publishers;
    private readonly ImmutableArray<FileGlob> _excluded;

    private PublishedFiles(ImmutableArray<(Publisher, FileGlob?)> publishers, ImmutableArray<FileGlob> excluded)
    {
        _publishers = publishers;
        _excluded = excluded;
    }

    public bool IsEmpty => _publishers.IsEmpty;

    public static PublishedFiles Of(Job job)
    {
        var publishers = ImmutableArray.CreateBuilder<(Publisher, FileGlob?)>();
        var excluded = ImmutableArray.CreateBuilder<FileGlob>();
        if (job.Get("artifacts") is YamlMapping artifacts)
        {
            AddPaths(publishers, "artifacts:paths", artifacts.Get("paths"));
            AddUntracked(publishers, "artifacts:untracked", artifacts.Get("untracked"));
            foreach (var pattern in YamlTraversal.ScalarValues(artifacts.Get("exclude")))
            {
                if (Glob(pattern) is { } glob)
                {
                    excluded.Add(glob);
                }
            }

            if (artifacts.Get("reports") is YamlMapping reports)
            {
                var narrowed = (artifacts.Get("public") as YamlScalar)?.Value is "false" or "False" or "FALSE"
                    || (artifacts.Get("access") as YamlScalar)?.Value is "none" or "developer" or "maintainer";
                foreach (var file in YamlTraversal.ScalarValues(reports.Get("dotenv")))
                {
                    publishers.Add((new Publisher("artifacts:reports:dotenv", file, narrowed), Glob(file)));
                }
            }
        }

        var caches = job.Get("cache") switch
        {
            YamlMapping one => new[] { one },
            YamlSequence many => many.Items.OfType<YamlMapping>().ToArray(),
            _ => Array.Empty<YamlMapping>(),
        };
        foreach (var cache in caches)
        {
            // A cache the job only pulls is never saved: nothing the job writes goes into it.
            if ((cache.Get("policy") as YamlScalar)?.Value == "pull")
            {
                continue;
            }

            AddPaths(publishers, "cache:paths", cache.Get("paths"));
            AddUntracked(publishers, "cache:untracked", cache.Get("untracked"));
        }

        return new PublishedFiles(publishers.ToImmutable(), excluded.ToImmutable());
    }

    /// <summary>
    /// What publishes <paramref name="path"/> (relative to the project folder, '/'-separated,
    /// normalised), or null. <paramref name="isFolder"/>: the path is a folder a file of unknown
    /// name lands in (<c>cp "$SECRET" dist/</c>).
    /// </summary>
    public Publisher? Publishing(string path, bool isFolder = false)
    {
        foreach (var (publisher, glob) in _publishers)
        {
            if (publisher.Pattern == "true" && publisher.Key.EndsWith(":untracked", StringComparison.Ordinal))
            {
                // Untracked files of the project folder; .git's content is never uploaded.
                if (!path.StartsWith(".git/", StringComparison.Ordinal) && !(publisher.Key.StartsWith("artifacts", StringComparison.Ordinal) && IsExcluded(path)))
                {
                    return publisher;
                }

                continue;
            }

            if (glob is null)
            {
                continue;
            }

            var matches = publisher.IsDotenv
                ? !isFolder && glob.IsMatch(path)
                : SelfOrFolders(path).Any(glob.IsMatch) || (isFolder && FolderHoldsMatches(publisher.Pattern, path));
            if (matches && !(publisher.Key == "artifacts:paths" && IsExcluded(path)))
            {
                return publisher;
            }
        }

        return null;
    }

    private bool IsExcluded(string path) => _excluded.Any(e => e.IsMatch(path));

    /// <summary>The path and each folder above it: a pattern that names a folder publishes its files.</summary>
    private static IEnumerable<string> SelfOrFolders(string path)
    {
        for (var p = path; p.Length > 0; p = p.LastIndexOf('/') is var i and > 0 ? p.Substring(0, i) : string.Empty)
        {
            yield return p;
        }
    }

    /// <summary>A file of unknown name in <paramref name="folder"/> is published when the pattern reaches into that folder with a wildcard.</summary>
    private static bool FolderHoldsMatches(string pattern, string folder)
    {
        var normal = Normalize(pattern);
        return normal is not null && (folder.Length == 0 ? normal.IndexOf('/') < 0 : normal.StartsWith(folder + "/", StringComparison.Ordinal))
            && normal.Substring(folder.Length == 0 ? 0 : folder.Length + 1).IndexOfAny(new[] { '*', '?', '[' }) == 0;
    }

    private static void AddPaths(ImmutableArray<(Publisher, FileGlob?)>.Builder publishers, string key, YamlNode? node)
    {
        foreach (var pattern in YamlTraversal.ScalarValues(node))
        {
            publishers.Add((new Publisher(key, pattern), Glob(pattern)));
        }
    }

    private static void AddUntracked(ImmutableArray<(Publisher, FileGlob?)>.Builder publishers, string key, YamlNode? node)
    {
        // A YAML boolean, as GitLab requires: plain true (or YAML 1.1's yes/on), not the string "true".
        if (node is YamlScalar { IsNonString: true, Value: "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" })
        {
            publishers.Add((new Publisher(key, "true"), null));
        }
    }

    /// <summary>A pattern as GitLab reads it, relative to the project folder; null when it holds a variable or leaves the folder.</summary>
    private static string? Normalize(string pattern)
    {
        var p = pattern.Trim();
        foreach (var project in new[] { "$CI_PROJECT_DIR/", "${CI_PROJECT_DIR}/" })
        {
            if (p.StartsWith(project, StringComparison.Ordinal))
            {
                p = p.Substring(project.Length);
            }
        }

        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p.Substring(2);
        }

        p = p.TrimEnd('/');
        if (p.Length == 0 || p == "." || p.IndexOf('$') >= 0 || p.StartsWith("/", StringComparison.Ordinal) || p.Split('/').Contains(".."))
        {
            return null;
        }

        return p;
    }

    /// <summary>GitLab's glob over a whole path relative to the project folder; null when the pattern cannot be judged.</summary>
    private static FileGlob? Glob(string pattern)
        => Normalize(pattern) is { } normal ? new FileGlob(normal, nameInAnyFolder: false) : null;

    /// <summary>A path a script writes, relative to the project folder; null when it is outside it or cannot be known.</summary>
    public static string? ProjectPath(string written)
    {
        if (written.StartsWith("/", StringComparison.Ordinal) || written.StartsWith("~", StringComparison.Ordinal))
        {
            return null;
        }

        return Normalize(written);
    }
}

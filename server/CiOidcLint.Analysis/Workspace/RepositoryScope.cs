using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using CiOidcLint.Analysis.Configuration;
using CiOidcLint.Analysis.Pipeline;

namespace CiOidcLint.Analysis.Workspace;

/// <summary>
/// What belongs to a repository's analysis, decided once for every front door (the CLI, the
/// language server, and through it the editor):
/// <list type="bullet">
/// <item>which files are pipelines of their own: GitLab's names, with <c>.yml</c> and <c>.yaml</c>
/// alike, plus globs a setting adds;</item>
/// <item>which <c>.editorconfig</c> files apply to a pipeline: those of the folder of every file
/// it is made of (its included files too) and of their parents, up to <c>root = true</c>.</item>
/// </list>
/// </summary>
public sealed class RepositoryScope
{
    /// <summary>GitLab's own pipeline names, as globs a client can match documents with.</summary>
    public static ImmutableArray<string> DefaultPipelineGlobs { get; } = ImmutableArray.Create(
        "**/.gitlab-ci.yml", "**/.gitlab-ci.yaml", "**/*.gitlab-ci.yml", "**/*.gitlab-ci.yaml", "**/.gitlab/ci/**/*.yml", "**/.gitlab/ci/**/*.yaml");

    private readonly Func<string, string?> _readFile;
    private readonly ConcurrentDictionary<string, string?> _editorConfigs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SeverityConfiguration> _severities = new(StringComparer.Ordinal);
    private int _generation;

    /// <param name="root">The repository root, a full path.</param>
    /// <param name="readFile">Reads a file by full path; null when it does not exist.</param>
    public RepositoryScope(string root, Func<string, string?> readFile)
    {
        // "/" and "D:\" stay as they are: trimmed, they would name no folder.
        var full = Path.GetFullPath(root);
        Root = full.Length > (Path.GetPathRoot(full)?.Length ?? 0) ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
        _readFile = readFile;
    }

    /// <summary>A scope that reads <c>.editorconfig</c> files from disk.</summary>
    public static RepositoryScope OnDisk(string root) => new(root, path => File.Exists(path) ? File.ReadAllText(path) : null);

    public string Root { get; }

    /// <summary>Whether a repository path is a pipeline of its own: GitLab's names or one of <paramref name="extraGlobs"/>.</summary>
    public static bool IsPipelineFile(string path, IEnumerable<string>? extraGlobs = null)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1);
        var yaml = name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal);
        if (name.EndsWith(".gitlab-ci.yml", StringComparison.Ordinal)
            || name.EndsWith(".gitlab-ci.yaml", StringComparison.Ordinal)
            || (yaml && ("/" + path).IndexOf("/.gitlab/ci/", StringComparison.Ordinal) >= 0))
        {
            return true;
        }

        return extraGlobs?.Any(glob => new FileGlob(glob).IsMatch(path)) == true;
    }

    /// <summary>Folders no pipeline lives in: version control, dependencies, build output.</summary>
    private static readonly ImmutableHashSet<string> SkippedFolders = ImmutableHashSet.Create(StringComparer.Ordinal, ".git", "node_modules", "bin", "obj", "vendor");

    /// <summary>
    /// The pipeline files under a folder (a repository path; "" for the root), as <c>check</c> and
    /// the editor's "Lint Workspace" look for them.
    /// </summary>
    public static IEnumerable<string> FindPipelineFiles(PhysicalFileSystem fileSystem, string folder, IEnumerable<string>? extraGlobs = null)
    {
        var globs = extraGlobs?.ToList();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in fileSystem.EnumerateFiles(current))
            {
                if (IsPipelineFile(file, globs))
                {
                    yield return file;
                }
            }

            foreach (var child in fileSystem.EnumerateDirectories(current).Reverse())
            {
                if (!SkippedFolders.Contains(child.Substring(child.LastIndexOf('/') + 1)))
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>The severities for a pipeline made of these files (repository paths).</summary>
    public SeverityConfiguration SeveritiesFor(IEnumerable<string> files)
    {
        var folders = files.Select(FolderOf).Append(string.Empty).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var key = string.Join("\n", folders);
        if (_severities.TryGetValue(key, out var known))
        {
            return known;
        }

        // A change to an .editorconfig while this is built must not leave the old severities
        // cached: what was read under an older generation is used once, not kept.
        var generation = Volatile.Read(ref _generation);
        var full = folders.Select(f => f.Length == 0 ? Root : Path.Combine(Root, f.Replace('/', Path.DirectorySeparatorChar)));
        var configs = EditorConfigDiscovery.Find(full, Read);
        var severities = SeverityConfiguration.Create(Root, configs);
        if (Volatile.Read(ref _generation) == generation)
        {
            _severities.TryAdd(key, severities);
        }

        return severities;

        string? Read(string path)
        {
            if (_editorConfigs.TryGetValue(path, out var text))
            {
                return text;
            }

            text = _readFile(path);
            if (Volatile.Read(ref _generation) == generation)
            {
                _editorConfigs.TryAdd(path, text);
            }

            return text;
        }
    }

    /// <summary>Forgets an <c>.editorconfig</c> (by full path) that changed, and every severity built on one.</summary>
    public void Forget(string fullPath)
    {
        Interlocked.Increment(ref _generation);
        _editorConfigs.TryRemove(Path.GetFullPath(fullPath), out _);
        _severities.Clear();
    }

    /// <summary>Forgets every <c>.editorconfig</c> read: a folder that held some was removed or renamed.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _editorConfigs.Clear();
        _severities.Clear();
    }

    private static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }
}

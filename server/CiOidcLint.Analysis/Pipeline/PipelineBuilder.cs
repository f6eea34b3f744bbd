using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// Composes a pipeline the way GitLab does (lib/gitlab/ci/config.rb): YAML load, then
/// <c>include:</c>, then <c>extends:</c>, then <c>!reference</c>, then <c>default:</c>.
/// Only <c>include: local</c> is read; the network is never touched.
/// </summary>
public sealed class PipelineBuilder
{
    /// <summary>GitLab's limit on includes in one pipeline.</summary>
    public const int MaxIncludes = 150;

    /// <summary>GitLab's limit on <c>extends</c> and <c>!reference</c> nesting.</summary>
    public const int MaxNesting = 10;

    private static readonly Regex RemotePath = new("^https?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly IPipelineFileSystem _fileSystem;
    private readonly Func<string, SourceText, SyntaxFile> _parse;
    private readonly Dictionary<string, SyntaxFile?> _files = new(StringComparer.Ordinal);
    private readonly List<SyntaxFile> _fileOrder = new();
    private readonly List<Include> _includes = new();
    private readonly ProblemList _problems = new();
    private readonly MergeBudget _budget = new();
    private int _includedFiles;

    public PipelineBuilder(IPipelineFileSystem fileSystem, Func<string, SourceText, SyntaxFile>? parse = null)
    {
        _fileSystem = fileSystem;
        _parse = parse ?? ((path, text) => SyntaxFile.Parse(path, text));
    }

    /// <summary>Builds the pipeline whose root is the already parsed <paramref name="root"/>.</summary>
    public PipelineConfig Build(SyntaxFile root)
    {
        _files[root.Path] = root;
        _fileOrder.Add(root);
        var config = Load(root, ImmutableStack<string>.Empty.Push(root.Path));
        return new JobComposer(config, _includes.Any(i => !i.IsFollowed), _problems, _budget).Compose(root, _fileOrder.ToImmutableArray(), _includes.ToImmutableArray());
    }

    /// <summary>Reads and parses <paramref name="path"/>, then builds the pipeline rooted there.</summary>
    public PipelineConfig Build(string path)
    {
        var text = _fileSystem.ReadFile(path) ?? throw new FileNotFoundException($"{path} does not exist", path);
        return Build(_parse(path, text));
    }

    private YamlMapping Load(SyntaxFile file, ImmutableStack<string> chain)
    {
        if (file.RootMapping is not { } own)
        {
            return file.Root is { } other ? YamlMapping.Compose(other, ImmutableArray<YamlEntry>.Empty) : YamlMapping.Empty(file);
        }

        if (own.Get("include") is not { } includeValue)
        {
            return own;
        }

        YamlMapping? merged = null;
        foreach (var include in ReadIncludes(includeValue))
        {
            foreach (var included in Follow(include, chain))
            {
                merged = merged is null ? included : YamlMerge.Merge(merged, included, _budget);
            }
        }

        var rest = YamlMerge.Without(own, "include");
        return merged is null ? rest : YamlMerge.Merge(merged, rest, _budget);
    }

    private IEnumerable<YamlMapping> Follow(Include include, ImmutableStack<string> chain)
    {
        if (include.Kind != IncludeKind.Local)
        {
            _includes.Add(include with { NotFollowedBecause = $"{KindName(include.Kind)} includes are not read offline" });
            yield break;
        }

        if (include.Target.IndexOf('$') >= 0)
        {
            _includes.Add(include with { NotFollowedBecause = "its path holds a variable only GitLab can expand" });
            yield break;
        }

        var path = NormalizeLocalPath(include.Target);
        if (path is null)
        {
            _problems.Add(include.Node.Location, include.Target.Trim().Length == 0
                ? "a local include needs a path"
                : $"the local include '{include.Target}' points outside the repository");
            _includes.Add(include with { IsFollowed = true });
            yield break;
        }

        IReadOnlyList<string> targets;
        if (IncludeGlob.IsGlob(path))
        {
            // GitLab leaves the including file out of its own wildcard ("prevent self-inclusion").
            targets = IncludeGlob.Create(path).Match(_fileSystem).Where(t => t != chain.Peek()).ToList();
            if (targets.Count == 0)
            {
                _problems.Add(include.Node.Location, $"the local include '{include.Target}' matches no file, so GitLab rejects the pipeline");
            }
        }
        else
        {
            targets = new[] { path };
        }

        _includes.Add(include with { IsFollowed = true, Files = targets.ToImmutableArray() });
        foreach (var target in targets)
        {
            if (!IsYamlPath(target))
            {
                _problems.Add(include.Node.Location, $"the local include '{target}' is not a .yml or .yaml file, so GitLab rejects it");
                continue;
            }

            if (++_includedFiles > MaxIncludes)
            {
                if (_includedFiles == MaxIncludes + 1)
                {
                    _problems.Add(include.Node.Location, $"the pipeline includes more than GitLab's limit of {MaxIncludes} files");
                }

                yield break;
            }

            if (chain.Contains(target))
            {
                _problems.Add(include.Node.Location, $"the local include '{target}' includes itself through {string.Join(" → ", chain.Reverse())}");
                continue;
            }

            var file = Open(target, include);
            if (file is not null)
            {
                yield return Load(file, chain.Push(target));
            }
        }
    }

    private SyntaxFile? Open(string path, Include include)
    {
        if (_files.TryGetValue(path, out var cached))
        {
            return cached;
        }

        SyntaxFile? file = null;
        try
        {
            var text = _fileSystem.ReadFile(path);
            if (text is null)
            {
                _problems.Add(include.Node.Location, $"the local include '{include.Target}' names a file that does not exist, so GitLab rejects the pipeline");
            }
            else
            {
                file = _parse(path, text);
                _fileOrder.Add(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _problems.Add(include.Node.Location, $"the local include '{include.Target}' cannot be read: {ex.Message}");
        }

        _files[path] = file;
        return file;
    }

    private IEnumerable<Include> ReadIncludes(YamlNode value)
    {
        var items = value is YamlSequence sequence ? sequence.Items : ImmutableArray.Create(value);
        foreach (var item in items)
        {
            switch (item)
            {
                case YamlScalar { IsNull: true }:
                    break;
                case YamlScalar scalar:
                    yield return new Include(RemotePath.IsMatch(scalar.Value) ? IncludeKind.Remote : IncludeKind.Local, scalar, scalar.Value);
                    break;
                case YamlMapping mapping:
                    if (ReadIncludeMapping(mapping) is { } include)
                    {
                        yield return include;
                    }

                    break;
                default:
                    _problems.Add(item.Location, "an include is a path or a mapping with one of local, project, remote, template or component");
                    break;
            }
        }
    }

    private Include? ReadIncludeMapping(YamlMapping mapping)
    {
        var kinds = new (string Key, IncludeKind Kind)[]
        {
            ("local", IncludeKind.Local), ("project", IncludeKind.Project), ("remote", IncludeKind.Remote),
            ("template", IncludeKind.Template), ("component", IncludeKind.Component),
        };
        var found = kinds.Where(k => mapping.ContainsKey(k.Key)).ToList();
        if (found.Count != 1)
        {
            _problems.Add(mapping.Location, found.Count == 0
                ? "this include names none of local, project, remote, template or component"
                : $"this include names {string.Join(" and ", found.Select(f => f.Key))}; GitLab takes exactly one");
            return null;
        }

        var (key, kind) = found[0];
        var entry = mapping.GetEntry(key)!;
        var hasRules = mapping.ContainsKey("rules");
        if (kind == IncludeKind.Project)
        {
            var project = (entry.Value as YamlScalar)?.Value ?? string.Empty;
            var files = mapping.Get("file") switch
            {
                YamlScalar s => s.Value,
                YamlSequence seq => string.Join(", ", seq.Items.OfType<YamlScalar>().Select(s => s.Value)),
                _ => string.Empty,
            };
            return new Include(kind, entry.Value, files.Length > 0 ? $"{project}: {files}" : project) { HasRules = hasRules };
        }

        if (entry.Value is not YamlScalar { IsNull: false } target)
        {
            _problems.Add(entry.Value.Location, $"'include: {key}' takes a string");
            return null;
        }

        return new Include(kind, target, target.Value) { HasRules = hasRules };
    }

    private static string? NormalizeLocalPath(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return segments.Count == 0 ? null : string.Join("/", segments);
    }

    private static bool IsYamlPath(string path)
        => path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    internal static string KindName(IncludeKind kind) => kind switch
    {
        IncludeKind.Project => "project",
        IncludeKind.Remote => "remote",
        IncludeKind.Template => "template",
        IncludeKind.Component => "component",
        _ => "local",
    };
}

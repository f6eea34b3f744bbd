using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Features;

/// <summary>
/// Answers "which jobs" and "which ID token" questions about a place in a file, on the jobs as
/// GitLab composes them (<c>default:</c>, <c>extends</c>, includes), for hover, definition,
/// references and completion.
/// </summary>
public static class PipelineNavigator
{

    /// <summary>The top-level job (or template, or <c>default</c>) whose text holds <paramref name="offset"/>, with the pipelines the file is in.</summary>
    public static IEnumerable<Job> JobsAt(WorkspaceAnalysis analysis, SyntaxFile file, int offset)
    {
        if (file.RootMapping is not { } root)
        {
            yield break;
        }

        var entries = root.WrittenEntries.Where(e => e.Key.File == file).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var end = i + 1 < entries.Count ? entries[i + 1].Key.Span.Start : file.Text.Length;
            if (entries[i].Key.Span.Start > offset || offset > end)
            {
                continue;
            }

            var name = entries[i].Name;
            foreach (var pipeline in analysis.PipelinesOf(file.Path).Select(p => p.Pipeline))
            {
                if (name == "default")
                {
                    // Whatever default: holds reaches every job that does not override it.
                    foreach (var job in pipeline.Jobs)
                    {
                        yield return job;
                    }
                }
                else if (pipeline.FindJob(name) is { } declared)
                {
                    yield return declared;

                    // A template's text runs in every job that extends it.
                    foreach (var job in pipeline.Jobs.Where(j => j.Bases.Contains(name)))
                    {
                        yield return job;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The variable reference under the cursor in the line's raw text (any shell's form, as
    /// <see cref="References"/> reads them; raw text, so half-typed YAML works), with its span.
    /// </summary>
    public static (string Name, TextSpan Span)? VariableAt(SourceText text, int offset)
    {
        var line = text.Lines.GetLineFromPosition(offset);
        return ReferenceAt(text.ToString(line.Span), offset - line.Start) is { } match
            ? (NameOf(match).Name.Value, new TextSpan(line.Start + match.Index, match.Length))
            : null;
    }

    /// <summary>The ID token entries named <paramref name="name"/> that those jobs actually get.</summary>
    public static IEnumerable<YamlEntry> TokenDeclarations(IEnumerable<Job> jobs, string name)
        => jobs.SelectMany(j => j.IdTokens).Where(t => t.Name == name).Select(t => t.Entry).Distinct();

    /// <summary>Every place the jobs use the token: <c>secrets:*:token</c>, scripts and variables that name it.</summary>
    public static IEnumerable<(SyntaxFile File, TextSpan Span)> TokenUses(IEnumerable<Job> jobs, string name)
        => References(jobs, name).Select(r => (r.File, r.Span));

    /// <summary>
    /// A variable's references in the scalars a job reads them from (<c>secrets:*:token</c>, its
    /// scripts, its <c>variables</c>), each once, in every shell's syntax: <c>$NAME</c>, <c>${NAME}</c>,
    /// PowerShell's <c>$env:NAME</c> and cmd's <c>%NAME%</c>. <c>Span</c> covers the whole
    /// reference, <c>NameSpan</c> only the name (what a rename replaces).
    /// </summary>
    public static IEnumerable<(SyntaxFile File, TextSpan Span, TextSpan NameSpan)> References(IEnumerable<Job> jobs, string name)
    {
        var seen = new HashSet<(string, int)>();
        foreach (var job in jobs)
        {
            foreach (var scalar in ReferencingScalars(job))
            {
                if (scalar.Value.IndexOf(name, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                foreach (Match match in Reference.Matches(scalar.Value))
                {
                    if (!Names(match, name))
                    {
                        continue;
                    }

                    var group = NameOf(match).Name;

                    var span = scalar.MapToSource(match.Index, match.Length);
                    if (seen.Add((scalar.File.Path, span.Start)))
                    {
                        yield return (scalar.File, span, scalar.MapToSource(group.Index, group.Length));
                    }
                }
            }
        }
    }

    /// <summary>The scalars of a job that may refer to an ID token.</summary>
    public static IEnumerable<YamlScalar> ReferencingScalars(Job job)
        => job.Secrets.Select(s => s.Token?.Value).OfType<YamlScalar>()
            .Concat(job.ScriptLines.Select(l => l.Node))
            .Concat((job.Get("variables") as YamlMapping)?.Entries.Select(e => e.Value is YamlMapping expanded ? expanded.Get("value") : e.Value).OfType<YamlScalar>() ?? Enumerable.Empty<YamlScalar>());

    /// <summary>
    /// The variable a scalar refers to at a file offset (<c>$N</c>, <c>${N}</c>, <c>$env:N</c>,
    /// <c>%N%</c>), with the span of its name in the file.
    /// </summary>
    public static (string Name, TextSpan Span)? ReferenceAt(NodePath path, int offset)
    {
        if (path is not { IsKey: false, Node: YamlScalar scalar })
        {
            return null;
        }

        // The offset inside the scalar's value: the first value position at or after it.
        var at = scalar.Value.Length;
        for (var i = 0; i < scalar.Value.Length; i++)
        {
            var source = scalar.MapToSource(i);
            if (source >= offset)
            {
                at = source == offset ? i : Math.Max(0, i - 1);
                break;
            }
        }

        if (ReferenceAt(scalar.Value, at) is not { } match)
        {
            return null;
        }

        var group = NameOf(match).Name;
        return (group.Value, scalar.MapToSource(group.Index, group.Length));
    }

    /// <summary>The reference (any shell's syntax) whose name holds <paramref name="valueOffset"/> in <paramref name="value"/>.</summary>
    public static Match? ReferenceAt(string value, int valueOffset)
    {
        foreach (Match match in Reference.Matches(value))
        {
            if (match.Index <= valueOffset && valueOffset <= match.Index + match.Length)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>
    /// A variable reference in any shell's syntax: bash's <c>$N</c>, <c>${N}</c> and its
    /// expansions (<c>${N:-x}</c>, <c>${N:?}</c>, <c>${#N}</c>); PowerShell's <c>$env:N</c> and
    /// <c>${env:N}</c> and cmd's <c>%N%</c>, whose names Windows compares without case
    /// (group <c>iname</c>). A <c>$</c> after an odd number of <c>$</c> is escaped (<c>$$N</c> is
    /// GitLab's literal <c>$</c>, or bash's process id), so it is no reference.
    /// </summary>
    private static readonly Regex Reference = new(
        @"(?<=(?:^|[^$])(?:\$\$)*)(?:\$\{(?i:env):(?<iname>[A-Za-z_][A-Za-z0-9_]*)\}|\$(?i:env):(?<iname>[A-Za-z_][A-Za-z0-9_]*)|\$\{#?(?<name>[A-Za-z_][A-Za-z0-9_]*)(?=[}:\-=?+%#/^,@\[])|\$(?<name>[A-Za-z_][A-Za-z0-9_]*))|%(?<iname>[A-Za-z_][A-Za-z0-9_]*)%",
        RegexOptions.CultureInvariant);

    /// <summary>The name a reference match names, and whether it is compared without case.</summary>
    public static (Group Name, bool IgnoreCase) NameOf(Match match)
        => match.Groups["iname"].Success ? (match.Groups["iname"], true) : (match.Groups["name"], false);

    /// <summary>Whether a reference match names <paramref name="name"/>.</summary>
    public static bool Names(Match match, string name)
    {
        var (group, ignoreCase) = NameOf(match);
        return string.Equals(group.Value, name, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}

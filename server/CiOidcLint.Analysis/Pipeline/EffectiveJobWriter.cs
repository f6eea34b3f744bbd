using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// Writes jobs as GitLab composes them (<c>include: local</c>, <c>extends</c>, <c>default:</c> with
/// <c>inherit</c>, <c>!reference</c>, anchors and merge keys), as YAML in which every key is
/// followed by a <c># from path:line</c> comment, and by the entry it came through when that is
/// not the job itself (<c>(.vault-login)</c>, <c>(default)</c>). <c>cioidclint show</c> and the
/// editor's effective-job view print this same text.
/// </summary>
public static class EffectiveJobWriter
{
    /// <summary>
    /// Past this many lines the text is cut with a note: nested aliases can make a job's
    /// configuration exponentially larger than its file, and this is read by a person.
    /// </summary>
    public const int MaxLines = 20_000;

    public static string Write(IEnumerable<Job> jobs)
    {
        var writer = new Writer();
        var first = true;
        foreach (var job in jobs)
        {
            if (!first)
            {
                writer.BlankLine();
            }

            first = false;
            writer.WriteJob(job);
            if (writer.IsFull)
            {
                break;
            }
        }

        return writer.ToString();
    }

    public static string Write(Job job) => Write(new[] { job });

    /// <summary>
    /// One key and its value as written (what a <c>!reference</c> brings), with the same
    /// comments; <paramref name="owner"/> is the entry the value belongs to.
    /// </summary>
    public static string WriteEntry(string key, YamlNode value, string owner)
    {
        var writer = new Writer();
        writer.WriteKeyValue(key, value, owner);
        return writer.ToString();
    }

    /// <summary>The job keys whose nested lists GitLab flattens.</summary>
    private static readonly ImmutableHashSet<string> FlattenedKeys = GitLabKeywords.ScriptSections.Concat(new[] { "rules", "needs" }).ToImmutableHashSet(System.StringComparer.Ordinal);

    private sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private int _lines;
        private bool _cut;

        /// <summary>True once a line was refused (and the note written): the writers stop there.</summary>
        public bool IsFull => _cut;

        public void BlankLine() => Line(string.Empty);

        public void WriteJob(Job job)
        {
            var origin = Origin.Of(job.Declaration.Key);
            var notes = new List<string>();
            if (job.Bases.Length > 0)
            {
                notes.Add("extends " + string.Join(", ", job.Bases));
            }

            if (job.FromDefault.Count > 0)
            {
                notes.Add("default: " + string.Join(", ", job.FromDefault.OrderBy(k => k, System.StringComparer.Ordinal)));
            }

            if (job.IsIncomplete)
            {
                notes.Add("incomplete: a template it uses may be in an include that was not read");
            }

            Line($"{Key(job.Name)}:  # from {origin.Place}" + (notes.Count > 0 ? $"; {string.Join("; ", notes)}" : string.Empty));
            WriteEntries(job.Effective, indent: 1, job.Name);
        }

        public void WriteKeyValue(string key, YamlNode value, string owner)
        {
            var origin = Origin.Of(value);
            WriteValue(Key(key) + ":", value, 0, owner, origin, Comment(origin, owner));
        }

        private void WriteEntries(YamlMapping mapping, int indent, string owner)
        {
            foreach (var entry in mapping.Entries)
            {
                if (IsFull)
                {
                    return;
                }

                var origin = Origin.Of(entry.Key);
                var comment = Comment(origin, owner);
                var value = entry.Value;
                if (indent == 1 && value is YamlSequence { IsReference: false } list && FlattenedKeys.Contains(entry.Name))
                {
                    // GitLab reads these nested lists (from !reference) as one flat list
                    // (scripts when they run; rules and needs as ComposableArray entries).
                    value = YamlSequence.Compose(list, Flatten(list));
                }

                WriteValue(Pad(indent) + Key(entry.Name) + ":", value, indent, owner, origin, comment);
            }
        }

        /// <summary>Writes <paramref name="prefix"/> (a key and colon, or a list dash) and the value after or under it.</summary>
        private void WriteValue(string prefix, YamlNode value, int indent, string owner, Origin origin, string comment)
        {
            switch (value)
            {
                case YamlScalar scalar:
                    Line($"{prefix} {Scalar(scalar)}{comment}");
                    break;
                case YamlSequence { IsReference: true } reference:
                    Line($"{prefix} !reference [{string.Join(", ", reference.Items.Select(i => i is YamlScalar s ? Scalar(s) : "?"))}]{comment}");
                    break;
                case YamlMapping { Count: 0 }:
                    Line($"{prefix} {{}}{comment}");
                    break;
                case YamlSequence { Items.Length: 0 }:
                    Line($"{prefix} []{comment}");
                    break;
                case YamlMapping mapping:
                    Line(prefix + comment);
                    WriteEntries(mapping, indent + 1, owner);
                    break;
                case YamlSequence sequence:
                    Line(prefix + comment);
                    foreach (var item in sequence.Items)
                    {
                        if (IsFull)
                        {
                            return;
                        }

                        // An item from elsewhere (a !reference, an anchor) says where; the rest
                        // share their list's place.
                        var itemOrigin = Origin.Of(item);
                        var itemComment = itemOrigin.File != origin.File || itemOrigin.Holder != origin.Holder ? Comment(itemOrigin, owner) : string.Empty;
                        if (item is YamlMapping { Count: > 0 } itemMapping)
                        {
                            // "- key: value" with the rest of the mapping under it.
                            var entries = itemMapping.Entries;
                            var firstOrigin = Origin.Of(entries[0].Key);
                            WriteValue(Pad(indent + 1) + "- " + Key(entries[0].Name) + ":", entries[0].Value, indent + 2, owner, firstOrigin, itemComment);
                            foreach (var entry in entries.Skip(1))
                            {
                                WriteValue(Pad(indent + 2) + Key(entry.Name) + ":", entry.Value, indent + 2, owner, Origin.Of(entry.Key), string.Empty);
                            }
                        }
                        else
                        {
                            WriteValue(Pad(indent + 1) + "-", item, indent + 1, owner, itemOrigin, itemComment);
                        }
                    }

                    break;
            }
        }

        private static ImmutableArray<YamlNode> Flatten(YamlSequence script)
        {
            var items = ImmutableArray.CreateBuilder<YamlNode>();
            Add(script, 0);
            return items.ToImmutable();

            void Add(YamlSequence sequence, int depth)
            {
                foreach (var item in sequence.Items)
                {
                    if (item is YamlSequence { IsReference: false } nested && depth < 10)
                    {
                        Add(nested, depth + 1);
                    }
                    else if (items.Count < MaxLines)
                    {
                        items.Add(item);
                    }
                }
            }
        }

        private static string Comment(Origin origin, string owner)
            => $"  # from {origin.Place}" + (origin.Holder.Length > 0 && origin.Holder != owner ? $" ({origin.Holder})" : string.Empty);

        private static string Pad(int indent) => new(' ', indent * 2);

        private void Line(string line)
        {
            if (_lines >= MaxLines)
            {
                if (!_cut)
                {
                    _cut = true;
                    _text.Append("# … cut here: more than ").Append(MaxLines.ToString(CultureInfo.InvariantCulture)).Append(" lines (nested YAML aliases?)\n");
                }

                return;
            }

            _lines++;
            _text.Append(line).Append('\n');
        }

        public override string ToString() => _text.ToString();
    }

    private static string Key(string name) => IsSafePlain(name) && !PlainScalarTypes.IsNonString(name) ? name : Quote(name);

    /// <summary>
    /// A scalar as YAML that reads back to the same value and type: plain when it was plain and
    /// stays plain on one line, otherwise double-quoted. A tag the user wrote is kept.
    /// </summary>
    private static string Scalar(YamlScalar scalar)
    {
        // !!str makes a plain scalar a string: it is written as a string, quoted if it must be.
        var isStrTag = scalar.Tag == "tag:yaml.org,2002:str";
        var plain = !isStrTag && scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any;
        string text;
        if (plain && scalar.Value.Length == 0)
        {
            text = "null";
        }
        else if (plain && (PlainScalarTypes.IsNonString(scalar.Value) || LooksTyped(scalar.Value)) && IsPrintable(scalar.Value))
        {
            // A number, boolean or date as written (-1, .5, yes, 2024-01-01): quoting it would make it a string.
            text = scalar.Value;
        }
        else if (IsSafePlain(scalar.Value) && (plain || (!PlainScalarTypes.IsNonString(scalar.Value) && !LooksTyped(scalar.Value))))
        {
            text = scalar.Value;
        }
        else
        {
            text = Quote(scalar.Value);
        }

        return scalar.Tag switch
        {
            null or "!reference" => text,
            "tag:yaml.org,2002:str" => text,
            { } core when core.StartsWith("tag:yaml.org,2002:", System.StringComparison.Ordinal) => $"!!{core.Substring("tag:yaml.org,2002:".Length)} {text}",
            { } tag => $"{tag} {text}",
        };
    }

    /// <summary>
    /// Plain text a YAML 1.1 reader (Ruby's, GitLab's) takes for something other than a string
    /// beyond what <see cref="PlainScalarTypes"/> knows: a date or time, or a base-60 number (1:30).
    /// </summary>
    private static bool LooksTyped(string value)
        => TypedPlain.IsMatch(value);

    private static readonly System.Text.RegularExpressions.Regex TypedPlain = new(
        @"^(?:\d{4}-\d{1,2}-\d{1,2}(?:[Tt ].*)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?0[xob][0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?)$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Characters YAML lets a document hold as they are (its c-printable set).</summary>
    private static bool IsPrintable(char c) => c is '\t' or '\n' or '\r' or '\u0085' || (c >= ' ' && c != '\u007F' && !(c >= '\u0080' && c < '\u00A0') && c != '\uFFFE' && c != '\uFFFF');

    private static bool IsPrintable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || !IsPrintable(c) || c is '\t' or '\n' or '\r' or '\u0085')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafePlain(string value)
    {
        if (value.Length == 0 || value.Length > 200 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[value.Length - 1]))
        {
            return false;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0]) >= 0 || value.EndsWith(":", System.StringComparison.Ordinal))
        {
            // "-x" and ":x" can be plain, but keeping indicators quoted is simpler and always right.
            return false;
        }

        if (!IsPrintable(value) || value.IndexOf('\u2028') >= 0 || value.IndexOf('\u2029') >= 0 || value.IndexOf('\uFEFF') >= 0)
        {
            return false;
        }

        return value.IndexOf(": ", System.StringComparison.Ordinal) < 0
            && value.IndexOf(" #", System.StringComparison.Ordinal) < 0
            && value.IndexOf(",", System.StringComparison.Ordinal) < 0;
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (!IsPrintable(c) || char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF'
                        || (char.IsHighSurrogate(c) && !(i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
                        || (char.IsLowSurrogate(c) && !(i > 0 && char.IsHighSurrogate(value[i - 1]))))
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}

using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace CiOidcLint.Analysis.Syntax;

public sealed class YamlScalar : YamlNode
{
    private int[]? _sourceMap;
    private Shell.ShellScript? _shell;

    internal YamlScalar(SyntaxFile file, TextSpan span, string? tag, string value, ScalarStyle style, int contentStart)
        : base(file, span, tag)
    {
        Value = value;
        Style = style;
        ContentStart = contentStart;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>Where the scalar's own text starts: after its tag and anchor, at the quote or block indicator.</summary>
    public int ContentStart { get; }

    /// <summary>A plain <c>~</c>, <c>null</c> or nothing at all: what GitLab reads as nil.</summary>
    public bool IsNull => Style is ScalarStyle.Plain or ScalarStyle.Any && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;

    /// <summary>
    /// A plain scalar that Ruby's YAML loader reads as something other than a string
    /// (a number, a boolean, nil). GitLab rejects those where it wants strings.
    /// </summary>
    public bool IsNonString => Tag is null && Style is ScalarStyle.Plain or ScalarStyle.Any && PlainScalarTypes.IsNonString(Value);

    /// <summary>
    /// Maps an offset in <see cref="Value"/> to an absolute position in the file, through
    /// quotes, escapes, folding and block indentation.
    /// </summary>
    public int MapToSource(int valueOffset)
    {
        _sourceMap ??= ScalarSourceMap.Build(File.Text, this);
        if (valueOffset < 0)
        {
            valueOffset = 0;
        }

        if (valueOffset >= _sourceMap.Length)
        {
            valueOffset = _sourceMap.Length - 1;
        }

        return _sourceMap[valueOffset];
    }

    /// <summary>The span in the file of <paramref name="length"/> value characters starting at <paramref name="valueOffset"/>.</summary>
    public TextSpan MapToSource(int valueOffset, int length)
    {
        var start = MapToSource(valueOffset);
        if (length <= 0)
        {
            return new TextSpan(start, 0);
        }

        var end = MapToSource(valueOffset + length - 1) + 1;
        return end > start ? TextSpan.FromBounds(start, end) : new TextSpan(start, 1);
    }

    /// <summary>
    /// The value parsed as a shell script, once: several rules read every script line, and a
    /// template's lines are shared by every job that extends it. The parse itself comes from
    /// <see cref="CiOidcLint.Analysis.Shell.ShellCache"/>, so an unchanged line is not parsed
    /// again after an edit elsewhere in the file.
    /// </summary>
    internal Shell.ShellScript Shell => _shell ??= CiOidcLint.Analysis.Shell.ShellCache.Parse(Value);

    public override string ToString() => Value;
}

internal static class PlainScalarTypes
{
    private static readonly HashSet<string> Words = new(System.StringComparer.Ordinal)
    {
        "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
        "~", "null", "Null", "NULL", "",
    };

    /// <summary>A plain scalar Ruby's YAML 1.1 loader reads as false (false, no, off, in any of their cases).</summary>
    public static bool IsFalse(YamlScalar scalar)
        => scalar.Tag is null && scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
           && scalar.Value is "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF";

    public static bool IsNonString(string value)
    {
        if (Words.Contains(value))
        {
            return true;
        }

        // Every number form starts with a sign, a digit or a dot: most plain words are over here,
        // without the regular expression (which runs for every plain scalar of every analysis).
        if (value.Length == 0 || !(value[0] is '-' or '+' or '.' || (value[0] >= '0' && value[0] <= '9')))
        {
            return false;
        }

        return Number.IsMatch(value);
    }

    private static readonly System.Text.RegularExpressions.Regex Number = new(
        @"\A(?:[-+]?(?:0|[1-9][0-9_]*)|0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}

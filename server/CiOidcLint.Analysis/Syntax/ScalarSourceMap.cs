using System;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace CiOidcLint.Analysis.Syntax;

/// <summary>
/// Aligns a scalar's value with its text in the file, so a position inside a script line
/// (a <c>$(</c>, a variable) maps back through quotes, escapes, folding and block
/// indentation. The alignment is greedy: characters that the value does not hold (quotes,
/// indentation, line breaks folded away) are skipped. Where it cannot align, the rest of
/// the value maps to the last place it reached, so a position is never invented.
/// </summary>
internal static class ScalarSourceMap
{
    public static int[] Build(SourceText text, YamlScalar scalar)
    {
        var value = scalar.Value;
        var map = new int[value.Length + 1];
        var end = Math.Min(scalar.Span.End, text.Length);
        var j = ContentStart(text, scalar, end);
        var i = 0;
        var style = scalar.Style;
        var quoted = style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted;
        if (quoted)
        {
            end = Math.Max(j, end - 1); // the closing quote
        }

        while (i < value.Length && j < end)
        {
            var v = value[i];
            var s = text[j];
            if (style == ScalarStyle.DoubleQuoted && s == '\\' && j + 1 < end)
            {
                var (decoded, length) = DecodeEscape(text, j, end);
                if (decoded is null)
                {
                    // An escaped line break: the line continues without a space.
                    j += length;
                    while (j < end && text[j] is ' ' or '\t')
                    {
                        j++;
                    }

                    continue;
                }

                if (string.CompareOrdinal(value, i, decoded, 0, decoded.Length) == 0)
                {
                    for (var k = 0; k < decoded.Length; k++)
                    {
                        map[i + k] = j;
                    }

                    i += decoded.Length;
                    j += length;
                    continue;
                }
            }

            if (style == ScalarStyle.SingleQuoted && s == '\'' && j + 1 < end && text[j + 1] == '\'' && v == '\'')
            {
                map[i++] = j;
                j += 2;
                continue;
            }

            if (v == s)
            {
                map[i++] = j++;
                continue;
            }

            if (v is ' ' or '\n' && s is '\r' or '\n')
            {
                // A line break folded to a space, or kept as '\n' after a CR.
                map[i++] = j;
                j += s == '\r' && j + 1 < end && text[j + 1] == '\n' ? 2 : 1;
                if (v == ' ' || quoted || style == ScalarStyle.Plain)
                {
                    j = SkipIndentation(text, j, end);
                }

                continue;
            }

            j++;
        }

        var last = i > 0 ? Math.Min(map[i - 1] + 1, text.Length) : Math.Min(j, text.Length);
        for (; i <= value.Length; i++)
        {
            map[i] = i == value.Length && i > 0 ? last : Math.Min(j, text.Length);
        }

        return map;
    }

    private static int ContentStart(SourceText text, YamlScalar scalar, int end)
    {
        var j = scalar.ContentStart;
        switch (scalar.Style)
        {
            case ScalarStyle.DoubleQuoted:
            case ScalarStyle.SingleQuoted:
                return j < end && text[j] is '"' or '\'' ? j + 1 : j;
            case ScalarStyle.Literal:
            case ScalarStyle.Folded:
                // Past the header line ('|-', '>+2', a comment) to the first content line.
                while (j < end && text[j] is not ('\r' or '\n'))
                {
                    j++;
                }

                if (j < end && text[j] == '\r')
                {
                    j++;
                }

                if (j < end && text[j] == '\n')
                {
                    j++;
                }

                return j;
            default:
                return j;
        }
    }

    private static int SkipIndentation(SourceText text, int j, int end)
    {
        while (j < end && text[j] is ' ' or '\t')
        {
            j++;
        }

        return j;
    }

    private static (string? Decoded, int Length) DecodeEscape(SourceText text, int at, int end)
    {
        var c = text[at + 1];
        switch (c)
        {
            case '\r':
                return (null, at + 2 < end && text[at + 2] == '\n' ? 3 : 2);
            case '\n':
                return (null, 2);
            case '0': return ("\0", 2);
            case 'a': return ("\a", 2);
            case 'b': return ("\b", 2);
            case 't': return ("\t", 2);
            case '\t': return ("\t", 2);
            case 'n': return ("\n", 2);
            case 'v': return ("\v", 2);
            case 'f': return ("\f", 2);
            case 'r': return ("\r", 2);
            case 'e': return ("\u001b", 2);
            case ' ': return (" ", 2);
            case '"': return ("\"", 2);
            case '/': return ("/", 2);
            case '\\': return ("\\", 2);
            case 'N': return ("\u0085", 2);
            case '_': return ("\u00a0", 2);
            case 'L': return ("\u2028", 2);
            case 'P': return ("\u2029", 2);
            case 'x': return Hex(text, at, end, 2);
            case 'u': return Hex(text, at, end, 4);
            case 'U': return Hex(text, at, end, 8);
            default: return (c.ToString(), 2);
        }
    }

    private static (string? Decoded, int Length) Hex(SourceText text, int at, int end, int digits)
    {
        if (at + 2 + digits > end)
        {
            return (string.Empty, 2);
        }

        var hex = text.ToString(new TextSpan(at + 2, digits));
        if (!int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) || code > 0x10FFFF)
        {
            return (string.Empty, 2);
        }

        return (char.ConvertFromUtf32(code), 2 + digits);
    }
}

using System.Linq;
using System.Text;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Fixes;

/// <summary>Writes a one-line string as a YAML scalar that reads back as exactly that string.</summary>
internal static class YamlQuoting
{
    /// <summary>Plain when YAML allows it, single-quoted otherwise, double-quoted for control characters.</summary>
    public static string Scalar(string value)
    {
        if (value.Any(c => c < ' ' || c == '\u007f'))
        {
            return DoubleQuoted(value);
        }

        return CanBePlain(value) ? value : "'" + value.Replace("'", "''") + "'";
    }

    private static bool CanBePlain(string value)
    {
        if (value.Length == 0 || value[0] is ' ' || value[value.Length - 1] is ' ')
        {
            return false;
        }

        // Indicators that cannot start a plain scalar.
        if ("-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0]) >= 0)
        {
            // '-', '?' and ':' may start one when followed by a non-space character.
            if (!(value[0] is '-' or '?' or ':') || value.Length < 2 || value[1] == ' ')
            {
                return false;
            }
        }

        if (value.Contains(": ") || value.Contains(" #") || value.EndsWith(":", System.StringComparison.Ordinal))
        {
            return false;
        }

        // A plain word Ruby reads as a number, boolean or nil would stop being a string.
        return !PlainScalarTypes.IsNonString(value);
    }

    private static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    if (c < ' ' || c == '\u007f')
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}

using System;
using System.Collections.Immutable;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// What Ruby's YAML loader makes of a value, for GitLab's type checks (<c>type: String</c>,
/// <c>boolean: true</c>) and for messages that say what was written instead.
/// </summary>
internal static class YamlValueKinds
{
    private static readonly ImmutableHashSet<string> Booleans = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF");

    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    /// <summary>
    /// A string as Ruby loads it: quoted, a block, plain text that is not a number, boolean or
    /// nil, or anything tagged <c>!!str</c>.
    /// </summary>
    public static bool IsString(YamlNode node)
        => node is YamlScalar scalar && (CoreType(scalar) is { } type ? type == "str" : !scalar.IsNonString);

    /// <summary>A plain true/false (YAML 1.1 also reads yes/no/on/off so) or a <c>!!bool</c>, which GitLab's boolean check accepts.</summary>
    public static bool IsBoolean(YamlNode node)
        => node is YamlScalar scalar
           && (CoreType(scalar) is { } type ? type == "bool" : scalar.Tag is null && !IsQuotedOrBlock(scalar) && Booleans.Contains(scalar.Value));

    /// <summary>A plain integer or an <c>!!int</c>, which GitLab's alphanumeric check accepts next to strings.</summary>
    public static bool IsInteger(YamlNode node)
        => node is YamlScalar scalar
           && (CoreType(scalar) is { } type
               ? type == "int"
               : scalar.Tag is null && !IsQuotedOrBlock(scalar)
                 && IsDecimalInteger(scalar.Value));

    /// <summary><c>[-+]?(0|[1-9][0-9_]*)</c>, the plain integers GitLab's check reads as such.</summary>
    private static bool IsDecimalInteger(string value)
    {
        var start = value.Length > 0 && value[0] is '-' or '+' ? 1 : 0;
        if (start >= value.Length || value[start] < '0' || value[start] > '9')
        {
            return false;
        }

        if (value[start] == '0')
        {
            return value.Length == start + 1;
        }

        for (var i = start + 1; i < value.Length; i++)
        {
            if (!(value[i] is '_' || (value[i] >= '0' && value[i] <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Nil or a string of blanks: what Rails' <c>presence: true</c> rejects.</summary>
    public static bool IsBlank(YamlNode node)
        => node is YamlScalar scalar && (scalar.IsNull || (!scalar.IsNonString && string.IsNullOrWhiteSpace(scalar.Value)));

    /// <summary>
    /// A scalar with an input interpolation (<c>$[[ inputs.x ]]</c>): GitLab replaces it when the
    /// file is included, so its final text and type (a boolean input, say) are not known here.
    /// </summary>
    public static bool IsInterpolated(YamlNode node)
        => node is YamlScalar scalar && scalar.Value.IndexOf("$[[", StringComparison.Ordinal) >= 0;

    /// <summary>"a number", "a boolean", "a list", "a mapping", "empty", "a string": what the user wrote, for a message.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMapping => "a mapping",
        YamlSequence => "a list",
        YamlScalar scalar when CoreType(scalar) is { } type => type switch
        {
            "bool" => "a boolean",
            "int" or "float" => "a number",
            "null" => "empty",
            _ => "a string",
        },
        YamlScalar { IsNull: true } => "empty",
        YamlScalar scalar when scalar.IsNonString => IsBoolean(scalar) ? "a boolean" : "a number",
        _ => "a string",
    };

    /// <summary>The YAML core type an explicit tag names (<c>!!str</c> is <c>str</c>), or null.</summary>
    private static string? CoreType(YamlScalar scalar)
        => scalar.Tag is { } tag && tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? tag.Substring(CoreTagPrefix.Length) : null;

    private static bool IsQuotedOrBlock(YamlScalar scalar)
        => scalar.Style is not (YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any);
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace CiOidcLint.Analysis.Shell;

/// <summary>What a PowerShell token is, as far as the exposure rules need to know.</summary>
public enum PowerShellTokenKind
{
    /// <summary>A bare word: a command name, a path, a native argument (<c>jwt=$env:T</c> expands).</summary>
    Word,

    /// <summary><c>-Path</c>, <c>-Value</c>.</summary>
    Parameter,

    /// <summary><c>'…'</c>: nothing expands.</summary>
    Literal,

    /// <summary><c>"…"</c>, or a bare word, variable or group in which variables expand.</summary>
    Expandable,

    /// <summary><c>( … )</c>, <c>$( … )</c>, <c>@( … )</c>: a nested pipeline whose output is the value.</summary>
    Group,

    /// <summary><c>{ … }</c>: a script block.</summary>
    Block,

    /// <summary><c>&gt;</c>, <c>&gt;&gt;</c>, <c>2&gt;</c>, <c>*&gt;</c>, <c>=</c>, <c>&amp;</c>.</summary>
    Operator,
}

/// <summary>A token of a PowerShell statement; offsets are into the script line's text.</summary>
public sealed record PowerShellToken(PowerShellTokenKind Kind, string Text, int Start)
{
    public int End => Start + Text.Length;

    /// <summary>The text without its quotes (a literal's or expandable string's content), else the text.</summary>
    public string Unquoted => Text.Length >= 2 && Text[0] is '"' or '\'' && Text[Text.Length - 1] == Text[0] ? Text.Substring(1, Text.Length - 2) : Text;

    /// <summary>Where a group's or block's content starts, after its bracket.</summary>
    public int InnerStart => Start + Text.IndexOfAny(new[] { '(', '{' }) + 1;
}

/// <summary>One element of a pipeline: a command and its arguments, or an expression.</summary>
public sealed record PowerShellCommand(ImmutableArray<PowerShellToken> Tokens)
{
    public int Start => Tokens.Length > 0 ? Tokens[0].Start : 0;

    public int End => Tokens.Length > 0 ? Tokens[Tokens.Length - 1].End : 0;

    /// <summary>The command's name (<c>Out-File</c>, <c>vault</c>; after <c>&amp;</c> the word it calls), or null for an expression.</summary>
    public string? Name => Tokens.Length == 0 ? null
        : Tokens[0] is { Kind: PowerShellTokenKind.Word } first ? first.Text
        : Tokens[0] is { Kind: PowerShellTokenKind.Operator, Text: "&" } && Tokens.Length > 1 && Tokens[1].Kind is PowerShellTokenKind.Word or PowerShellTokenKind.Literal ? Tokens[1].Unquoted
        : null;
}

/// <summary>
/// A statement: a pipeline (<c>a | b &gt; file</c>), an assignment (<c>$x = a | b</c>), or a
/// control statement (<c>if</c>, <c>foreach</c>, <c>try</c>) whose blocks hold statements.
/// </summary>
public sealed record PowerShellStatement(int Start, int End, string? AssignedTo, ImmutableArray<PowerShellCommand> Pipeline, ImmutableArray<PowerShellToken> Blocks);

/// <summary>
/// A small reader of PowerShell script lines, for the exposure rules: statements split at
/// <c>;</c> and line ends (not inside quotes, groups, blocks, here-strings, or after a backtick
/// continuation or a pipe), pipelines split at <c>|</c>, tokens split at whitespace with quotes
/// and brackets kept whole. It reads no more of the language than that: what it cannot place
/// it leaves as words, which no rule reads as a credential.
/// </summary>
public static class PowerShellScript
{
    private const int MaxDepth = 16;

    private static readonly Regex Assignment = new(
        @"\A\s*(?:\[[^\]\r\n]{1,255}\]\s*)*\$(?:\{(?<env>env:)?(?<name>[^}\r\n]{1,255})\}|(?:(?<env>env:)|(?:script|global|local|private):)?(?<name>[A-Za-z_][A-Za-z0-9_]*))\s*=(?![=])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex Control = new(@"\A\s*(?:if|elseif|else|foreach|for|while|do|try|catch|finally|switch|function|filter|until)(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex Redirection = new(@"\A(?:[1-6*]?>>?(?:&[12])?)", RegexOptions.CultureInvariant);

    public static ImmutableArray<PowerShellStatement> Parse(string text) => Parse(text, 0, text.Length, 0);

    public static ImmutableArray<PowerShellStatement> Parse(string text, int start, int end, int depth)
    {
        var statements = ImmutableArray.CreateBuilder<PowerShellStatement>();
        if (depth > MaxDepth)
        {
            return statements.ToImmutable();
        }

        foreach (var (from, to) in Split(text, start, end, ';', newLines: true))
        {
            var statement = Statement(text, from, to, depth);
            if (statement is not null)
            {
                statements.Add(statement);
            }
        }

        return statements.ToImmutable();
    }

    private static PowerShellStatement? Statement(string text, int start, int end, int depth)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (start >= end || text[start] == '#')
        {
            return null;
        }

        var slice = text.Substring(start, end - start);
        if (Control.IsMatch(slice))
        {
            var blocks = ImmutableArray.CreateBuilder<PowerShellToken>();
            foreach (var token in Tokens(text, start, end))
            {
                if (token.Kind == PowerShellTokenKind.Block)
                {
                    blocks.Add(token);
                }
            }

            return new PowerShellStatement(start, end, null, ImmutableArray<PowerShellCommand>.Empty, blocks.ToImmutable());
        }

        string? assigned = null;
        var assignment = Assignment.Match(slice);
        if (assignment.Success)
        {
            // Scopes (script:, global:) name the same variable; env: is the process environment.
            assigned = (assignment.Groups["env"].Success ? "env:" : string.Empty) + assignment.Groups["name"].Value;
            start += assignment.Length;
        }

        var pipeline = ImmutableArray.CreateBuilder<PowerShellCommand>();
        foreach (var (from, to) in Split(text, start, end, '|', newLines: false))
        {
            pipeline.Add(new PowerShellCommand(Tokens(text, from, to)));
        }

        return new PowerShellStatement(start, end, assigned, pipeline.ToImmutable(), ImmutableArray<PowerShellToken>.Empty);
    }

    /// <summary>Ranges between separators that stand outside quotes and brackets.</summary>
    private static IEnumerable<(int Start, int End)> Split(string text, int start, int end, char separator, bool newLines)
    {
        var from = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (CommentEnd(text, i, end, start) is { } afterComment)
            {
                i = afterComment;
                continue;
            }

            if (c == '`')
            {
                // A backtick escapes the next character; at a line end (LF or CRLF), the line break.
                i += i + 2 < end && text[i + 1] == '\r' && text[i + 2] == '\n' ? 3 : 2;
                continue;
            }

            if (c is '"' or '\'' or '(' or '{' || (c == '@' && i + 1 < end && text[i + 1] is '"' or '\''))
            {
                i = SkipUnit(text, i, end);
                continue;
            }

            var splits = (c == separator && !(separator == '|' && i + 1 < end && text[i + 1] == '|'))
                || (newLines && c == '\n' && !ContinuesAfter(text, start, i));
            if (splits)
            {
                yield return (from, i);
                from = i + 1;
            }

            i++;
        }

        yield return (from, end);
    }

    /// <summary>A line that ends with a pipe, or an assignment's <c>=</c>, goes on on the next line.</summary>
    private static bool ContinuesAfter(string text, int start, int newLine)
    {
        var i = newLine - 1;
        while (i >= start && text[i] is ' ' or '\t' or '\r')
        {
            i--;
        }

        return i >= start && text[i] is '|' or '=';
    }

    /// <summary>
    /// Past a comment that starts at <paramref name="i"/> (<c>#</c> at a word's start, to the line's
    /// end; <c>&lt;# … #&gt;</c>), or null when none starts there.
    /// </summary>
    private static int? CommentEnd(string text, int i, int end, int start)
    {
        if (text[i] == '<' && i + 1 < end && text[i + 1] == '#')
        {
            var close = text.IndexOf("#>", i + 2, end - i - 2, StringComparison.Ordinal);
            return close < 0 ? end : close + 2;
        }

        if (text[i] == '#' && (i == start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is ';' or '{' or '('))
        {
            var stop = text.IndexOf('\n', i, end - i);
            return stop < 0 ? end : stop;
        }

        return null;
    }

    /// <summary>Past a quoted string, a here-string or a bracketed group starting at <paramref name="i"/>.</summary>
    private static int SkipUnit(string text, int i, int end, int nesting = 0)
    {
        // Nesting past this is no script anyone writes: the rest of the range is one unit.
        if (nesting > MaxDepth)
        {
            return end;
        }

        var c = text[i];
        if (c == '@' && i + 1 < end && text[i + 1] is '"' or '\'')
        {
            // @" … "@ ends at a line that starts with "@.
            var quote = text[i + 1];
            var close = text.IndexOf("\n" + quote + "@", i + 2, end - i - 2, StringComparison.Ordinal);
            return close < 0 ? end : close + 3;
        }

        if (c == '\'')
        {
            var j = i + 1;
            while (j < end)
            {
                if (text[j] == '\'')
                {
                    if (j + 1 < end && text[j + 1] == '\'')
                    {
                        j += 2;
                        continue;
                    }

                    return j + 1;
                }

                j++;
            }

            return end;
        }

        if (c == '"')
        {
            var j = i + 1;
            while (j < end)
            {
                if (text[j] == '`')
                {
                    j += 2;
                    continue;
                }

                if (text[j] == '$' && j + 1 < end && text[j + 1] == '(')
                {
                    j = SkipUnit(text, j + 1, end, nesting + 1);
                    continue;
                }

                if (text[j] == '"')
                {
                    if (j + 1 < end && text[j + 1] == '"')
                    {
                        j += 2;
                        continue;
                    }

                    return j + 1;
                }

                j++;
            }

            return end;
        }

        // ( … ) or { … }: nested brackets, quotes inside.
        var depth = 0;
        var k = i;
        while (k < end)
        {
            var d = text[k];
            if (d == '`')
            {
                k += 2;
                continue;
            }

            if (k > i && CommentEnd(text, k, end, i + 1) is { } afterComment)
            {
                k = afterComment;
                continue;
            }

            if ((d is '"' or '\'' || (d == '@' && k + 1 < end && text[k + 1] is '"' or '\'')) && k > i)
            {
                k = SkipUnit(text, k, end, nesting + 1);
                continue;
            }

            if (d is '(' or '{')
            {
                depth++;
            }
            else if (d is ')' or '}')
            {
                depth--;
                if (depth == 0)
                {
                    return k + 1;
                }
            }

            k++;
        }

        return end;
    }

    private static ImmutableArray<PowerShellToken> Tokens(string text, int start, int end)
    {
        var tokens = ImmutableArray.CreateBuilder<PowerShellToken>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || (c == '`' && i + 1 < end && char.IsWhiteSpace(text[i + 1])))
            {
                i += c == '`' ? 2 : 1;
                continue;
            }

            if (CommentEnd(text, i, end, start) is { } afterComment)
            {
                i = afterComment;
                continue;
            }

            var redirection = Redirection.Match(text.Substring(i, Math.Min(6, end - i)));
            if (redirection.Success)
            {
                tokens.Add(new PowerShellToken(PowerShellTokenKind.Operator, redirection.Value, i));
                i += redirection.Length;
                continue;
            }

            if (c is '&' or '=')
            {
                tokens.Add(new PowerShellToken(PowerShellTokenKind.Operator, c.ToString(), i));
                i++;
                continue;
            }

            // A token runs to whitespace; quotes and brackets inside it are kept whole.
            var from = i;
            while (i < end && !char.IsWhiteSpace(text[i]) && !(text[i] == '>' && i > from) && !(text[i] == '#' && i == from))
            {
                if (text[i] == '`')
                {
                    i += 2;
                    continue;
                }

                if (text[i] is '"' or '\'' or '(' or '{' || (text[i] == '@' && i + 1 < end && text[i + 1] is '"' or '\'' or '('))
                {
                    i = SkipUnit(text, text[i] == '@' && text[i + 1] == '(' ? i + 1 : i, end);
                    continue;
                }

                i++;
            }

            i = Math.Min(i, end);
            var word = text.Substring(from, i - from);
            tokens.Add(new PowerShellToken(Classify(word), word, from));
        }

        return tokens.ToImmutable();
    }

    private static PowerShellTokenKind Classify(string word)
    {
        var c = word[0];
        if (c == '-' && word.Length > 1 && char.IsLetter(word[1]))
        {
            return PowerShellTokenKind.Parameter;
        }

        if (c == '\'' || (c == '@' && word.Length > 1 && word[1] == '\''))
        {
            return PowerShellTokenKind.Literal;
        }

        if (c == '{')
        {
            return PowerShellTokenKind.Block;
        }

        if (c == '(' || (c is '$' or '@' && word.Length > 1 && word[1] == '('))
        {
            return PowerShellTokenKind.Group;
        }

        return word.IndexOf('$') >= 0 || c == '"' ? PowerShellTokenKind.Expandable : PowerShellTokenKind.Word;
    }
}

using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CiOidcLint.Analysis.Pipeline.Conditions;

/// <summary>
/// A <c>rules:if</c> (or <c>only:variables</c>) expression, parsed as
/// Gitlab::Ci::Pipeline::Expression does: <c>$VAR</c>, <c>"string"</c> or <c>'string'</c>,
/// <c>/pattern/flags</c>, <c>null</c>, the operators <c>== != =~ !~</c>, then <c>&amp;&amp;</c>,
/// then <c>||</c>, and parentheses. Text GitLab would reject parses to null: the linter then
/// knows nothing about the condition.
/// </summary>
public abstract class RulesExpression
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    /// <summary>Branch names a pusher might pick to stay clear of a pattern.</summary>
    private static readonly string[] BranchCandidates = { "x", "fix-typo", "feature/x", "cioidclint/probe-0" };

    private RulesExpression()
    {
    }

    /// <summary>Parsed expressions by text: pipelines repeat the same few conditions on every job.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RulesExpression?> Parsed = new(StringComparer.Ordinal);

    private const int MaxCached = 4096;

    public static RulesExpression? Parse(string text)
    {
        if (Parsed.TryGetValue(text, out var known))
        {
            return known;
        }

        var parsed = ParseUncached(text);
        if (text.Length < 2048)
        {
            // Keystrokes leave partial conditions behind: a full cache starts over rather than stop caching.
            if (Parsed.Count >= MaxCached)
            {
                Parsed.Clear();
            }

            Parsed.TryAdd(text, parsed);
        }

        return parsed;
    }

    private static RulesExpression? ParseUncached(string text)
    {
        var tokens = Lex(text);

        // Gitlab::Ci::Pipeline::Expression::Lexer::MAX_TOKENS.
        if (tokens is null || tokens.Count == 0 || tokens.Count > 100)
        {
            return null;
        }

        var position = 0;
        var expression = ParseConnective(tokens, ref position, depth: 0);
        return expression is not null && position == tokens.Count ? expression : null;
    }

    /// <summary>What a pusher can make of the condition in <paramref name="pipeline"/>.</summary>
    public abstract Outcome Evaluate(UntrustedPipeline pipeline);

    private sealed class Binary : RulesExpression
    {
        public Binary(string op, RulesExpression left, RulesExpression right)
        {
            Op = op;
            Left = left;
            Right = right;
        }

        public string Op { get; }

        public RulesExpression Left { get; }

        public RulesExpression Right { get; }

        public override Outcome Evaluate(UntrustedPipeline pipeline)
        {
            switch (Op)
            {
                case "&&":
                    return Left.Evaluate(pipeline).And(Right.Evaluate(pipeline));
                case "||":
                    return Left.Evaluate(pipeline).Or(Right.Evaluate(pipeline));
            }

            if (Left is not Operand left || Right is not Operand right)
            {
                return Outcome.Unknown;
            }

            return Op switch
            {
                "==" => Equal(left, right, pipeline),
                "!=" => Equal(left, right, pipeline).Not(),
                "=~" => Match(left, right, pipeline),
                _ => Match(left, right, pipeline).Not(),
            };
        }
    }

    private sealed class Operand : RulesExpression
    {
        public Operand(TokenKind kind, string text, string flags = "")
        {
            Kind = kind;
            Text = text;
            Flags = flags;
        }

        public TokenKind Kind { get; }

        public string Text { get; }

        public string Flags { get; }

        public ConditionValue Value(UntrustedPipeline pipeline) => Kind switch
        {
            TokenKind.Variable => pipeline.Variable(Text),
            TokenKind.String => ConditionValue.Of(Text),
            TokenKind.Null => ConditionValue.Null,
            _ => ConditionValue.Unknown,
        };

        /// <summary>A lone operand: true when it is set and not empty (Lexeme::Variable, <c>present?</c>).</summary>
        public override Outcome Evaluate(UntrustedPipeline pipeline)
        {
            if (Kind == TokenKind.Pattern)
            {
                return Outcome.Always;
            }

            var value = Value(pipeline);
            return value.Kind switch
            {
                ConditionValueKind.Null => Outcome.Never,
                ConditionValueKind.Text => Outcome.Of(value.Text.Length > 0),
                ConditionValueKind.PushedBranch or ConditionValueKind.DefaultBranch or ConditionValueKind.Opaque => Outcome.Always,
                ConditionValueKind.Chosen => value.Text == ConditionValue.NeverEmpty ? Outcome.Always : Outcome.Chosen,
                _ => Outcome.Unknown,
            };
        }
    }

    private static Outcome Equal(Operand left, Operand right, UntrustedPipeline pipeline)
    {
        if (left.Kind == TokenKind.Pattern || right.Kind == TokenKind.Pattern)
        {
            return Outcome.Unknown;
        }

        var a = left.Value(pipeline);
        var b = right.Value(pipeline);
        if (a.Kind == ConditionValueKind.Unknown || b.Kind == ConditionValueKind.Unknown)
        {
            return Outcome.Unknown;
        }

        if (a.Kind == ConditionValueKind.Null || b.Kind == ConditionValueKind.Null)
        {
            return Outcome.Of(a.Kind == b.Kind);
        }

        if (a.Kind == ConditionValueKind.Chosen || b.Kind == ConditionValueKind.Chosen)
        {
            return Outcome.Chosen;
        }

        if (a.Kind == ConditionValueKind.Opaque || b.Kind == ConditionValueKind.Opaque)
        {
            return Outcome.Unknown;
        }

        if (a.Kind == b.Kind)
        {
            // Two known texts compare; the pushed branch is itself, and so is the default branch.
            return a.Kind == ConditionValueKind.Text ? Outcome.Of(string.Equals(a.Text, b.Text, StringComparison.Ordinal)) : Outcome.Always;
        }

        // The pushed branch is neither the default branch nor a branch the file names (those are
        // taken as protected). The default branch against a literal name is not known.
        return a.Kind == ConditionValueKind.PushedBranch || b.Kind == ConditionValueKind.PushedBranch ? Outcome.Never : Outcome.Unknown;
    }

    private static Outcome Match(Operand left, Operand right, UntrustedPipeline pipeline)
    {
        // The pattern may also come from a variable (GitLab 15.0+): not known here.
        if (right.Kind != TokenKind.Pattern || left.Kind == TokenKind.Pattern || ToRegex(right) is not { } regex)
        {
            return Outcome.Unknown;
        }

        var value = left.Value(pipeline);
        switch (value.Kind)
        {
            case ConditionValueKind.Null:
                // Lexeme::Matches scans text.to_s: an unset variable is matched as "".
                return IsMatch(regex, string.Empty) is { } empty ? Outcome.Of(empty) : Outcome.Unknown;
            case ConditionValueKind.Text:
                return IsMatch(regex, value.Text) is { } matched ? Outcome.Of(matched) : Outcome.Unknown;
            case ConditionValueKind.Chosen:
                return Outcome.Chosen;
            case ConditionValueKind.PushedBranch:
                // A pattern may stand for protected branches (release/*): whether the pusher can
                // match it is not known. But they can name a branch that does not match.
                foreach (var candidate in BranchCandidates)
                {
                    if (IsMatch(regex, value.Text == ConditionValue.SlugMarker ? Slug(candidate) : candidate) == false)
                    {
                        return new Outcome(Certainty.Maybe, Certainty.Yes);
                    }
                }

                return Outcome.Unknown;
            default:
                return Outcome.Unknown;
        }
    }

    /// <summary>CI_COMMIT_REF_SLUG's form: lower case, every other character than a-z and 0-9 a '-', 63 at most, no '-' at either end.</summary>
    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!((chars[i] >= 'a' && chars[i] <= 'z') || (chars[i] >= '0' && chars[i] <= '9')))
            {
                chars[i] = '-';
            }
        }

        var slug = new string(chars);
        return (slug.Length > 63 ? slug.Substring(0, 63) : slug).Trim('-');
    }

    private static bool? IsMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>GitLab's patterns are RE2 with Ruby's flags; .NET reads the common subset alike.</summary>
    private static Regex? ToRegex(Operand pattern)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in pattern.Flags)
        {
            // RE2 reads the flags as (?flags): m is multi-line, s lets . match a line break; U (ungreedy) has no .NET twin.
            if (flag == 'U')
            {
                return null;
            }

            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                _ => RegexOptions.None,
            };
        }

        try
        {
            return new Regex(pattern.Text, options, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private enum TokenKind
    {
        Variable,
        String,
        Pattern,
        Null,
        Operator,
        Open,
        Close,
    }

    private readonly record struct Token(TokenKind Kind, string Text, string Flags = "");

    private const int MaxDepth = 64;

    /// <summary>The left-associative connectives, loosest first: <c>||</c>, then <c>&amp;&amp;</c>; comparisons bind tighter.</summary>
    private static readonly string[] Connectives = { "||", "&&" };

    private static RulesExpression? ParseConnective(List<Token> tokens, ref int position, int depth, int level = 0)
    {
        if (level == Connectives.Length)
        {
            return ParseComparison(tokens, ref position, depth);
        }

        var left = ParseConnective(tokens, ref position, depth, level + 1);
        while (left is not null && position < tokens.Count && tokens[position].Kind == TokenKind.Operator && tokens[position].Text == Connectives[level])
        {
            position++;
            var right = ParseConnective(tokens, ref position, depth, level + 1);
            left = right is null ? null : new Binary(Connectives[level], left, right);
        }

        return left;
    }

    private static RulesExpression? ParseComparison(List<Token> tokens, ref int position, int depth)
    {
        var left = ParsePrimary(tokens, ref position, depth);
        if (left is not null && position < tokens.Count && tokens[position] is { Kind: TokenKind.Operator, Text: "==" or "!=" or "=~" or "!~" } op)
        {
            position++;
            var right = ParsePrimary(tokens, ref position, depth);
            return right is null ? null : new Binary(op.Text, left, right);
        }

        return left;
    }

    private static RulesExpression? ParsePrimary(List<Token> tokens, ref int position, int depth)
    {
        if (position >= tokens.Count || depth > MaxDepth)
        {
            return null;
        }

        var token = tokens[position++];
        switch (token.Kind)
        {
            case TokenKind.Open:
                var inner = ParseConnective(tokens, ref position, depth + 1);
                if (inner is null || position >= tokens.Count || tokens[position].Kind != TokenKind.Close)
                {
                    return null;
                }

                position++;
                return inner;
            case TokenKind.Variable or TokenKind.String or TokenKind.Pattern or TokenKind.Null:
                return new Operand(token.Kind, token.Text, token.Flags);
            default:
                return null;
        }
    }

    private static List<Token>? Lex(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '(' || c == ')')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString()));
                i++;
                continue;
            }

            if (i + 1 < text.Length && text.Substring(i, 2) is "==" or "!=" or "=~" or "!~" or "&&" or "||")
            {
                tokens.Add(new Token(TokenKind.Operator, text.Substring(i, 2)));
                i += 2;
                continue;
            }

            switch (c)
            {
                case '$':
                    // Lexeme::Variable is $NAME only: GitLab rejects ${NAME} in an expression.
                    var start = i + 1;
                    var end = start;
                    while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                    {
                        end++;
                    }

                    if (end == start)
                    {
                        return null;
                    }

                    tokens.Add(new Token(TokenKind.Variable, text.Substring(start, end - start)));
                    i = end;
                    continue;
                case '"' or '\'':
                    var close = text.IndexOf(c, i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    tokens.Add(new Token(TokenKind.String, text.Substring(i + 1, close - i - 1)));
                    i = close + 1;
                    continue;
                case '/':
                    var j = i + 1;
                    while (j < text.Length && text[j] != '/')
                    {
                        j += text[j] == '\\' ? 2 : 1;
                    }

                    // Lexeme::Pattern needs two characters or more between the slashes, and knows the flags i, s, m and U.
                    if (j >= text.Length || j < i + 3)
                    {
                        return null;
                    }

                    var flagsEnd = j + 1;
                    while (flagsEnd < text.Length && char.IsLetter(text[flagsEnd]))
                    {
                        if (text[flagsEnd] is not ('i' or 's' or 'm' or 'U'))
                        {
                            return null;
                        }

                        flagsEnd++;
                    }

                    tokens.Add(new Token(TokenKind.Pattern, text.Substring(i + 1, j - i - 1), text.Substring(j + 1, flagsEnd - j - 1)));
                    i = flagsEnd;
                    continue;
            }

            if (string.CompareOrdinal(text, i, "null", 0, 4) == 0 && (i + 4 == text.Length || !char.IsLetterOrDigit(text[i + 4])))
            {
                tokens.Add(new Token(TokenKind.Null, "null"));
                i += 4;
                continue;
            }

            return null;
        }

        return tokens;
    }
}

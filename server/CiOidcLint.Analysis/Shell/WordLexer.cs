using System.Collections.Immutable;
using System.Text;

namespace CiOidcLint.Analysis.Shell;

/// <summary>Lexes words and the quotes and expansions inside them, at a reader's position.</summary>
internal sealed class WordLexer
{
    private readonly ShellReader _r;

    public WordLexer(ShellReader reader) => _r = reader;

    /// <summary>An unquoted word starting at the reader's position, or null when none starts there.</summary>
    public ShellWord? LexWord()
    {
        var r = _r;
        var text = r.Text;
        var parts = new PartsBuilder(r.Position);
        var first = r.At(r.Position);
        if ((first == '<' || first == '>') && r.At(r.Position + 1) == '(' && r.CanNest)
        {
            var form = first == '<' ? SubstitutionForm.ProcessInput : SubstitutionForm.ProcessOutput;
            parts.Add(LexCommandSubstitution(form, r.Position, r.Position + 2, inDoubleQuotes: false));
        }

        while (r.Position < r.Limit)
        {
            var pos = r.Position;
            var c = text[pos];
            if (c == '(' && parts.IsAssignmentPrefix)
            {
                LexArrayValue(parts);
                continue;
            }

            if (ShellChars.EndsWord(c))
            {
                break;
            }

            switch (c)
            {
                case '\\':
                    LexUnquotedEscape(parts, QuoteKind.None);
                    break;
                case '\'':
                    LexSingleQuoted(parts);
                    break;
                case '"':
                    LexDoubleQuoted(parts);
                    break;
                case '`':
                    LexBacktick(parts, LexContext.Unquoted);
                    break;
                case '$':
                    LexDollar(parts, LexContext.Unquoted);
                    break;
                default:
                    parts.AppendLiteral(c, QuoteKind.None, pos, pos + 1);
                    r.Position = pos + 1;
                    break;
            }
        }

        return parts.IsEmpty ? null : parts.ToWord(text);
    }

    /// <summary>The body of a here-document whose delimiter is unquoted: the reader's whole region.</summary>
    public ShellWord LexHereDocumentBody()
    {
        var r = _r;
        var text = r.Text;
        var parts = new PartsBuilder(r.Position);
        while (r.Position < r.Limit)
        {
            var pos = r.Position;
            var c = text[pos];
            switch (c)
            {
                case '\\':
                    LexQuotedEscape(parts, QuoteKind.None, '\0');
                    break;
                case '$':
                    LexDollar(parts, LexContext.HereDocument);
                    break;
                case '`':
                    LexBacktick(parts, LexContext.HereDocument);
                    break;
                default:
                    parts.AppendLiteral(c, QuoteKind.None, pos, pos + 1);
                    r.Position = pos + 1;
                    break;
            }
        }

        return parts.ToWord(text);
    }

    /// <summary>
    /// Where the <c>$((</c> or <c>((</c> whose first parenthesis is at <paramref name="open"/> ends:
    /// the index of its first closing <c>)</c>, <see cref="int.MaxValue"/> when it is left open, or -1
    /// when the parentheses do not close as <c>))</c> (so it is a subshell, not arithmetic).
    /// </summary>
    public int FindArithmeticEnd(int open)
    {
        var outer = _r.Source.MatchingParen(open);
        var inner = _r.Source.MatchingParen(open + 1);
        if (inner < 0 || inner >= _r.Limit)
        {
            // The inner group never closes: the arithmetic (or subshell) is left open either way.
            return int.MaxValue;
        }

        return outer == inner + 1 && outer < _r.Limit ? inner : -1;
    }

    /// <summary>Lexes the expansions inside arithmetic between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public ImmutableArray<ShellWordPart> LexArithmeticBody(int start, int end)
    {
        var r = _r;
        if (!r.CanNest)
        {
            return ImmutableArray<ShellWordPart>.Empty;
        }

        var region = r.Region(start, end, r.Depth + 1);
        var lexer = new WordLexer(region);
        var text = r.Text;
        var parts = new PartsBuilder(start);
        while (region.Position < end)
        {
            var pos = region.Position;
            var c = text[pos];
            switch (c)
            {
                case '$':
                    lexer.LexDollar(parts, LexContext.Arithmetic);
                    break;
                case '`':
                    lexer.LexBacktick(parts, LexContext.Arithmetic);
                    break;
                case '\\':
                    lexer.LexUnquotedEscape(parts, QuoteKind.None);
                    break;
                default:
                    parts.AppendLiteral(c, QuoteKind.None, pos, pos + 1);
                    region.Position = pos + 1;
                    break;
            }
        }

        return parts.ToParts();
    }

    private void LexUnquotedEscape(PartsBuilder parts, QuoteKind quote)
    {
        var r = _r;
        var pos = r.Position;
        var continuation = r.ContinuationLength(pos);
        if (continuation > 0)
        {
            r.Position = pos + continuation;
        }
        else if (pos + 1 < r.Limit)
        {
            parts.AppendLiteral(r.Text[pos + 1], quote, pos, pos + 2);
            r.Position = pos + 2;
        }
        else
        {
            parts.AppendLiteral('\\', quote, pos, pos + 1);
            r.Position = pos + 1;
        }
    }

    /// <summary>
    /// A backslash where only <c>$</c>, backtick, backslash, newline and <paramref name="alsoEscapes"/>
    /// can be escaped (double quotes, here-documents); before anything else it stays.
    /// </summary>
    private void LexQuotedEscape(PartsBuilder parts, QuoteKind quote, char alsoEscapes)
    {
        var r = _r;
        var pos = r.Position;
        var continuation = r.ContinuationLength(pos);
        if (continuation > 0)
        {
            r.Position = pos + continuation;
            return;
        }

        var next = r.At(pos + 1);
        if (next is '$' or '`' or '\\' || (next == alsoEscapes && next != '\0'))
        {
            parts.AppendLiteral(next, quote, pos, pos + 2);
            r.Position = pos + 2;
        }
        else
        {
            parts.AppendLiteral('\\', quote, pos, pos + 1);
            r.Position = pos + 1;
        }
    }

    private void LexSingleQuoted(PartsBuilder parts)
    {
        var r = _r;
        var open = r.Position;
        var close = r.Text.IndexOf('\'', open + 1, r.Limit - open - 1);
        var contentEnd = close < 0 ? r.Limit : close;
        if (close < 0)
        {
            r.Sinks.Incomplete = true;
        }

        r.Position = close < 0 ? r.Limit : close + 1;
        parts.Add(new LiteralPart(r.Text.Substring(open + 1, contentEnd - open - 1), QuoteKind.Single, open, r.Position - open));
    }

    private void LexAnsiC(PartsBuilder parts)
    {
        var r = _r;
        var text = r.Text;
        var start = r.Position;
        var i = start + 2;
        var value = new StringBuilder();
        var closed = false;
        while (i < r.Limit)
        {
            var c = text[i];
            if (c == '\'')
            {
                closed = true;
                break;
            }

            if (c == '\\' && i + 1 < r.Limit)
            {
                i = DecodeAnsiCEscape(i + 1, value);
                continue;
            }

            value.Append(c);
            i++;
        }

        if (!closed)
        {
            r.Sinks.Incomplete = true;
        }

        r.Position = closed ? i + 1 : r.Limit;
        parts.Add(new LiteralPart(value.ToString(), QuoteKind.AnsiC, start, r.Position - start));
    }

    /// <summary>Decodes the escape whose letter is at <paramref name="i"/>; returns the index after it.</summary>
    private int DecodeAnsiCEscape(int i, StringBuilder value)
    {
        var text = _r.Text;
        var c = text[i];
        switch (c)
        {
            case 'n': value.Append('\n'); return i + 1;
            case 't': value.Append('\t'); return i + 1;
            case 'r': value.Append('\r'); return i + 1;
            case 'a': value.Append('\a'); return i + 1;
            case 'b': value.Append('\b'); return i + 1;
            case 'f': value.Append('\f'); return i + 1;
            case 'v': value.Append('\v'); return i + 1;
            case 'e':
            case 'E': value.Append('\u001b'); return i + 1;
            case '\\':
            case '\'':
            case '"':
            case '?': value.Append(c); return i + 1;
            case 'x':
            {
                var code = 0;
                var j = i + 1;
                while (j < _r.Limit && j < i + 3 && HexValue(text[j]) >= 0)
                {
                    code = (code * 16) + HexValue(text[j]);
                    j++;
                }

                if (j == i + 1)
                {
                    value.Append('\\').Append('x');
                }
                else
                {
                    value.Append((char)code);
                }

                return j;
            }

            default:
                if (c >= '0' && c <= '7')
                {
                    var code = 0;
                    var j = i;
                    while (j < _r.Limit && j < i + 3 && text[j] >= '0' && text[j] <= '7')
                    {
                        code = (code * 8) + (text[j] - '0');
                        j++;
                    }

                    value.Append((char)(code & 0xFF));
                    return j;
                }

                value.Append('\\').Append(c);
                return i + 1;
        }
    }

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10
        : c >= 'A' && c <= 'F' ? c - 'A' + 10
        : -1;

    private void LexDoubleQuoted(PartsBuilder parts)
    {
        var r = _r;
        var text = r.Text;
        var open = r.Position;
        parts.Flush();
        var before = parts.CompletedCount;
        r.Position = open + 1;
        var closed = false;
        while (r.Position < r.Limit)
        {
            var pos = r.Position;
            var c = text[pos];
            if (c == '"')
            {
                r.Position = pos + 1;
                closed = true;
                break;
            }

            switch (c)
            {
                case '\\':
                    LexQuotedEscape(parts, QuoteKind.Double, '"');
                    break;
                case '$':
                    LexDollar(parts, LexContext.DoubleQuoted);
                    break;
                case '`':
                    LexBacktick(parts, LexContext.DoubleQuoted);
                    break;
                default:
                    parts.AppendLiteral(c, QuoteKind.Double, pos, pos + 1);
                    r.Position = pos + 1;
                    break;
            }
        }

        if (!closed)
        {
            r.Sinks.Incomplete = true;
        }

        parts.Flush();
        if (parts.CompletedCount == before)
        {
            parts.Add(new LiteralPart(string.Empty, QuoteKind.Double, open, r.Position - open));
        }

        parts.Touch(r.Position);
    }

    /// <summary><c>NAME=(a b c)</c>: blanks and line breaks inside belong to the word.</summary>
    private void LexArrayValue(PartsBuilder parts)
    {
        var r = _r;
        var text = r.Text;
        var depth = 0;
        while (r.Position < r.Limit)
        {
            var pos = r.Position;
            var c = text[pos];
            switch (c)
            {
                case '\\':
                    LexUnquotedEscape(parts, QuoteKind.None);
                    continue;
                case '\'':
                    LexSingleQuoted(parts);
                    continue;
                case '"':
                    LexDoubleQuoted(parts);
                    continue;
                case '`':
                    LexBacktick(parts, LexContext.Unquoted);
                    continue;
                case '$':
                    LexDollar(parts, LexContext.Unquoted);
                    continue;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
            }

            parts.AppendLiteral(c, QuoteKind.None, pos, pos + 1);
            r.Position = pos + 1;
            if (depth == 0)
            {
                return;
            }
        }

        r.Sinks.Incomplete = true;
    }

    private void LexDollar(PartsBuilder parts, LexContext context)
    {
        var r = _r;
        var text = r.Text;
        var start = r.Position;
        var next = r.At(start + 1);
        var inDoubleQuotes = context == LexContext.DoubleQuoted;
        if (context == LexContext.Unquoted)
        {
            if (next == '\'')
            {
                LexAnsiC(parts);
                return;
            }

            if (next == '"')
            {
                // $"..." is a locale-translated string: for our purposes an ordinary double-quoted one.
                r.Position = start + 1;
                LexDoubleQuoted(parts);
                return;
            }
        }

        if (next == '(')
        {
            if (r.At(start + 2) == '(' && TryLexArithmetic(parts, start))
            {
                return;
            }

            if (r.CanNest)
            {
                parts.Add(LexCommandSubstitution(SubstitutionForm.Dollar, start, start + 2, inDoubleQuotes));
                return;
            }
        }
        else if (next == '{')
        {
            if (r.CanNest)
            {
                LexBraced(parts, context);
                return;
            }
        }
        else if (ShellChars.IsNameStart(next))
        {
            var end = start + 2;
            while (end < r.Limit && ShellChars.IsNameChar(text[end]))
            {
                end++;
            }

            var reference = new VariableReference(text.Substring(start + 1, end - start - 1), start, end - start, start + 1, VariableForm.Dollar, inDoubleQuotes, r.InSubstitution);
            r.Sinks.Variables.Add(reference);
            r.Position = end;
            parts.Add(new VariablePart(reference, string.Empty, null, start, end - start));
            return;
        }
        else if (ShellChars.IsDigit(next) || ShellChars.IsSpecialParameter(next))
        {
            // $10 is $1 then 0 in every POSIX shell.
            var reference = new VariableReference(next.ToString(), start, 2, start + 1, VariableForm.Special, inDoubleQuotes, r.InSubstitution);
            r.Position = start + 2;
            parts.Add(new VariablePart(reference, string.Empty, null, start, 2));
            return;
        }

        parts.AppendLiteral('$', inDoubleQuotes ? QuoteKind.Double : QuoteKind.None, start, start + 1);
        r.Position = start + 1;
    }

    private bool TryLexArithmetic(PartsBuilder parts, int start)
    {
        var r = _r;
        var close = FindArithmeticEnd(start + 1);
        if (close < 0)
        {
            return false;
        }

        var bodyStart = start + 3;
        var terminated = close != int.MaxValue;
        var bodyEnd = terminated ? close : r.Limit;
        var end = terminated ? close + 2 : r.Limit;
        if (!terminated)
        {
            r.Sinks.Incomplete = true;
        }

        var inner = LexArithmeticBody(bodyStart, bodyEnd);
        r.Position = end;
        parts.Add(new ArithmeticPart(r.Text.Substring(bodyStart, bodyEnd - bodyStart), inner, start, end - start));
        return true;
    }

    private CommandSubstitution LexCommandSubstitution(SubstitutionForm form, int start, int innerStart, bool inDoubleQuotes)
    {
        var r = _r;
        var inner = new ShellReader(r.Source, innerStart, r.Limit, r.Depth + 1, inSubstitution: true, new ParseSinks());
        var script = new ScriptParser(inner, stopAtParen: true).Parse();
        var innerEnd = inner.Position;
        var closed = inner.Position < r.Limit && r.Text[inner.Position] == ')';
        r.Position = closed ? innerEnd + 1 : innerEnd;
        r.Sinks.MergeFrom(script);
        return new CommandSubstitution(start, r.Position - start, script, form, innerStart, innerEnd - innerStart, inDoubleQuotes, closed);
    }

    private void LexBacktick(PartsBuilder parts, LexContext context)
    {
        var r = _r;
        var text = r.Text;
        var start = r.Position;
        var quote = context == LexContext.DoubleQuoted ? QuoteKind.Double : QuoteKind.None;
        if (!r.CanNest)
        {
            parts.AppendLiteral('`', quote, start, start + 1);
            r.Position = start + 1;
            return;
        }

        // Like bash, the first unescaped backtick ends it: backticks nest only when escaped, and an
        // escaped one is read here as a literal backtick.
        var i = start + 1;
        while (i < r.Limit && text[i] != '`')
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        var closed = i < r.Limit;
        var innerEnd = closed ? i : r.Limit;
        var sinks = new ParseSinks { Incomplete = !closed };
        var inner = new ShellReader(r.Source, start + 1, innerEnd, r.Depth + 1, inSubstitution: true, sinks);
        var script = new ScriptParser(inner, stopAtParen: false).Parse();
        r.Position = closed ? innerEnd + 1 : innerEnd;
        r.Sinks.MergeFrom(script);
        parts.Add(new CommandSubstitution(start, r.Position - start, script, SubstitutionForm.Backtick, start + 1, innerEnd - start - 1, context == LexContext.DoubleQuoted, closed));
    }

    /// <summary><c>${...}</c>, with the reader at the <c>$</c>.</summary>
    private void LexBraced(PartsBuilder parts, LexContext context)
    {
        var r = _r;
        var text = r.Text;
        var start = r.Position;
        var p = start + 2;
        var first = r.At(p);
        var afterFirst = r.At(p + 1);

        // ${#X} is X's length and ${!X} an indirection; ${#} and ${!} are the parameters # and !.
        if ((first == '#' || first == '!') && afterFirst != '}'
            && (ShellChars.IsNameChar(afterFirst) || ShellChars.IsSpecialParameter(afterFirst)))
        {
            p++;
        }

        var nameStart = p;
        var c = r.At(p);
        var form = VariableForm.Special;
        if (ShellChars.IsNameStart(c))
        {
            form = VariableForm.Braced;
            while (p < r.Limit && ShellChars.IsNameChar(text[p]))
            {
                p++;
            }
        }
        else if (ShellChars.IsDigit(c))
        {
            while (p < r.Limit && ShellChars.IsDigit(text[p]))
            {
                p++;
            }
        }
        else if (ShellChars.IsSpecialParameter(c))
        {
            p++;
        }

        var name = text.Substring(nameStart, p - nameStart);
        var referenceIndex = r.Sinks.Variables.Count;
        var operandContext = context == LexContext.DoubleQuoted ? LexContext.DoubleQuoted : LexContext.Unquoted;
        r.Position = p;
        r.Depth++;
        if (r.At(p) == '[')
        {
            r.Position = p + 1;
            LexOperand(']', operandContext);
            if (r.At(r.Position) == ']')
            {
                r.Position++;
            }
        }

        var op = ReadExpansionOperator();
        ShellWord? operand = null;
        if (r.Position < r.Limit && text[r.Position] != '}')
        {
            operand = LexOperand('}', operandContext);
        }

        r.Depth--;
        if (r.At(r.Position) == '}')
        {
            r.Position++;
        }
        else
        {
            r.Sinks.Incomplete = true;
        }

        var reference = new VariableReference(name, start, r.Position - start, nameStart, form, context == LexContext.DoubleQuoted, r.InSubstitution);
        if (form != VariableForm.Special)
        {
            // Inserted before the references in its operand, which were collected first, to keep source order.
            r.Sinks.Variables.Insert(referenceIndex, reference);
        }

        parts.Add(new VariablePart(reference, op, operand, start, r.Position - start));
    }

    private string ReadExpansionOperator()
    {
        var r = _r;
        var pos = r.Position;
        var c = r.At(pos);
        var next = r.At(pos + 1);
        var length = c switch
        {
            ':' => next is '-' or '=' or '?' or '+' ? 2 : 1,
            '-' or '=' or '?' or '+' or '@' => 1,
            '#' or '%' or '^' or ',' => next == c ? 2 : 1,
            '/' => next is '/' or '#' or '%' ? 2 : 1,
            _ => 0,
        };
        r.Position = pos + length;
        return length == 0 ? string.Empty : r.Text.Substring(pos, length);
    }

    /// <summary>
    /// The word inside <c>${...}</c> after its operator (or inside a subscript), up to the unmatched
    /// <paramref name="terminator"/>. Blanks and line breaks belong to it.
    /// </summary>
    private ShellWord LexOperand(char terminator, LexContext context)
    {
        var r = _r;
        var text = r.Text;
        var parts = new PartsBuilder(r.Position);
        var quote = context == LexContext.DoubleQuoted ? QuoteKind.Double : QuoteKind.None;
        var braces = 0;
        while (r.Position < r.Limit)
        {
            var pos = r.Position;
            var c = text[pos];
            if (c == terminator && braces == 0)
            {
                break;
            }

            if (terminator == '}')
            {
                if (c == '{')
                {
                    braces++;
                }
                else if (c == '}')
                {
                    braces--;
                }
            }

            switch (c)
            {
                case '\\':
                    if (context == LexContext.DoubleQuoted)
                    {
                        LexQuotedEscape(parts, quote, terminator == '}' ? '}' : '"');
                    }
                    else
                    {
                        LexUnquotedEscape(parts, quote);
                    }

                    break;
                case '\'' when context != LexContext.DoubleQuoted:
                    LexSingleQuoted(parts);
                    break;
                case '"':
                    LexDoubleQuoted(parts);
                    break;
                case '`':
                    LexBacktick(parts, context);
                    break;
                case '$':
                    LexDollar(parts, context);
                    break;
                default:
                    parts.AppendLiteral(c, quote, pos, pos + 1);
                    r.Position = pos + 1;
                    break;
            }
        }

        return parts.ToWord(text);
    }
}

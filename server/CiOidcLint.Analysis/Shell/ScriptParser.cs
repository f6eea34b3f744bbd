using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace CiOidcLint.Analysis.Shell;

/// <summary>
/// Splits one level of a script into simple commands. Compound commands are not built: their
/// reserved words are skipped and the simple commands inside them are listed in order, which is
/// what the rules need and keeps the parser forgiving of half-written or truncated scripts.
/// </summary>
internal sealed class ScriptParser
{
    private readonly ShellReader _r;
    private readonly WordLexer _lexer;
    private readonly bool _stopAtParen;
    private readonly List<CommandBuilder> _commands = new();
    private readonly List<PendingHereDocument> _hereDocuments = new();

    // One entry per open `case`: true while its patterns are being read, false in a branch body.
    private readonly List<bool> _cases = new();
    private CommandBuilder? _current;
    private HeaderState _header;
    private int _parenDepth;
    private int _closedByParen = -1;
    private bool _inCondition;
    private bool _afterCompound;
    private bool _afterFunctionName;
    private bool _stoppedAtParen;

    public ScriptParser(ShellReader reader, bool stopAtParen)
    {
        _r = reader;
        _lexer = new WordLexer(reader);
        _stopAtParen = stopAtParen;
    }

    public ShellScript Parse()
    {
        var r = _r;
        while (true)
        {
            SkipBlanks();
            if (r.AtEnd)
            {
                break;
            }

            var before = r.Position;
            if (Step())
            {
                _stoppedAtParen = true;
                break;
            }

            if (r.Position <= before)
            {
                // Every branch consumes input; this guards the loop against one that did not.
                r.Position = before + 1;
            }
        }

        EndCommand(ShellOperator.None, -1);
        if ((_stopAtParen && !_stoppedAtParen) || _parenDepth > 0 || _hereDocuments.Count > 0)
        {
            r.Sinks.Incomplete = true;
        }

        var commands = ImmutableArray.CreateBuilder<ShellCommand>(_commands.Count);
        foreach (var command in _commands)
        {
            commands.Add(command.Build());
        }

        return new ShellScript(commands.ToImmutable(), SortedComments(), SortedVariables(), !r.Sinks.Incomplete);
    }

    /// <summary>Handles what starts at the reader's position; true to stop at a closing parenthesis.</summary>
    private bool Step()
    {
        var r = _r;
        var pos = r.Position;
        var c = r.Text[pos];
        if (_cases.Count > 0 && _cases[_cases.Count - 1])
        {
            ReadCasePatterns();
            return false;
        }

        if (_inCondition && TryConditionOperator(c))
        {
            return false;
        }

        switch (c)
        {
            case '#':
                ReadComment();
                return false;
            case '\n':
                EndCommand(ShellOperator.Newline, pos);
                r.Position = pos + 1;
                ReadHereDocuments();
                return false;
            case ')':
                if (_parenDepth > 0)
                {
                    _parenDepth--;
                    CloseSubshell();
                    r.Position = pos + 1;
                    return false;
                }

                if (_stopAtParen)
                {
                    return true;
                }

                // A stray `)` is a syntax error to bash; ending the command keeps what follows apart.
                EndCommand(ShellOperator.None, -1);
                r.Position = pos + 1;
                return false;
            case '(':
                OpenParen();
                return false;
            case ';':
                ReadSemicolon();
                return false;
            case '&':
                if (r.At(pos + 1) == '&')
                {
                    EndCommand(ShellOperator.AndIf, pos);
                    r.Position = pos + 2;
                }
                else if (r.At(pos + 1) == '>')
                {
                    ReadRedirection(null, pos);
                }
                else
                {
                    EndCommand(ShellOperator.Background, pos);
                    r.Position = pos + 1;
                }

                return false;
            case '|':
                EndCommand(r.At(pos + 1) == '|' ? ShellOperator.OrIf : ShellOperator.Pipe, pos);
                r.Position = pos + (r.At(pos + 1) is '|' or '&' ? 2 : 1);
                return false;
            case '<':
            case '>':
                ReadRedirection(null, pos);
                return false;
        }

        if (ShellChars.IsDigit(c) && !_inCondition && TryReadNumberedRedirection())
        {
            return false;
        }

        if (_lexer.LexWord() is { } word)
        {
            HandleWord(word);
        }

        return false;
    }

    private void SkipBlanks()
    {
        var r = _r;
        while (r.Position < r.Limit)
        {
            var c = r.Text[r.Position];
            if (ShellChars.IsBlank(c) || (c == '\n' && _inCondition))
            {
                r.Position++;
                continue;
            }

            var continuation = r.ContinuationLength(r.Position);
            if (continuation == 0)
            {
                return;
            }

            r.Position += continuation;
        }
    }

    private void ReadComment()
    {
        var r = _r;
        var start = r.Position;
        var newline = r.Text.IndexOf('\n', start, r.Limit - start);
        var end = newline < 0 ? r.Limit : newline;
        r.Sinks.Comments.Add(new ShellComment(start, r.Text.Substring(start, end - start)));
        r.Position = end;
    }

    private void ReadSemicolon()
    {
        var r = _r;
        var pos = r.Position;
        var length = 1;
        var endsBranch = false;
        if (r.At(pos + 1) == ';')
        {
            length = r.At(pos + 2) == '&' ? 3 : 2;
            endsBranch = true;
        }
        else if (r.At(pos + 1) == '&')
        {
            length = 2;
            endsBranch = true;
        }

        EndCommand(ShellOperator.Semicolon, pos);
        r.Position = pos + length;
        if (endsBranch && _cases.Count > 0)
        {
            _cases[_cases.Count - 1] = true;
        }
    }

    /// <summary>Inside <c>[[ ]]</c>, operators are operands of the test, not command separators.</summary>
    private bool TryConditionOperator(char c)
    {
        var r = _r;
        var pos = r.Position;
        var next = r.At(pos + 1);
        int length;
        if (c is '(' or ')' or '<' or '>')
        {
            length = 1;
        }
        else if ((c == '&' && next == '&') || c == '|')
        {
            length = next == c ? 2 : 1;
        }
        else
        {
            return false;
        }

        var text = r.Text.Substring(pos, length);
        var word = new ShellWord(pos, text, ImmutableArray.Create<ShellWordPart>(new LiteralPart(text, QuoteKind.None, pos, length)));
        _current?.Words.Add(word);
        r.Position = pos + length;
        return true;
    }

    private void OpenParen()
    {
        var r = _r;
        var pos = r.Position;
        if (_header == HeaderState.LoopHeader)
        {
            // for (( i = 0; i < n; i++ ))
            if (r.At(pos + 1) != '(' || !TrySkipArithmeticCommand())
            {
                r.Position = pos + 1;
            }

            return;
        }

        var namesFunction = _current is { Assignments.Count: 0, Redirections.Count: 0, Words.Count: 1 };
        if ((_afterFunctionName || namesFunction) && TrySkipEmptyParens())
        {
            // `name() { ...; }` defines a function; `name` is not run here.
            if (!_afterFunctionName)
            {
                _current = null;
            }

            _afterFunctionName = false;
            return;
        }

        if (_current == null && r.At(pos + 1) == '(' && TrySkipArithmeticCommand())
        {
            return;
        }

        if (_current != null)
        {
            EndCommand(ShellOperator.None, -1);
        }

        _parenDepth++;
        _afterCompound = false;
        r.Position = pos + 1;
    }

    private bool TrySkipEmptyParens()
    {
        var r = _r;
        var i = r.Position + 1;
        while (i < r.Limit && ShellChars.IsBlank(r.Text[i]))
        {
            i++;
        }

        if (r.At(i) != ')')
        {
            return false;
        }

        r.Position = i + 1;
        return true;
    }

    /// <summary><c>((expression))</c> as a command: it has variables but runs nothing.</summary>
    private bool TrySkipArithmeticCommand()
    {
        var r = _r;
        var pos = r.Position;
        var close = _lexer.FindArithmeticEnd(pos);
        if (close < 0)
        {
            return false;
        }

        var terminated = close != int.MaxValue;
        var bodyEnd = terminated ? close : r.Limit;
        if (!terminated)
        {
            r.Sinks.Incomplete = true;
        }

        _lexer.LexArithmeticBody(pos + 2, bodyEnd);
        r.Position = terminated ? close + 2 : r.Limit;
        _afterCompound = true;
        return true;
    }

    private void CloseSubshell()
    {
        if (_current != null)
        {
            _current.Terminator = ShellOperator.None;
            _current.TerminatorStart = -1;
            _commands.Add(_current);
            _current = null;

            // The operator after `)` becomes this command's terminator, if one follows.
            _closedByParen = _commands.Count - 1;
        }

        _inCondition = false;
        _afterCompound = true;
    }

    private void EndCommand(ShellOperator op, int opStart)
    {
        if (_current != null)
        {
            _current.Terminator = op;
            _current.TerminatorStart = opStart;
            _commands.Add(_current);
        }
        else if (_closedByParen >= 0)
        {
            _commands[_closedByParen].Terminator = op;
            _commands[_closedByParen].TerminatorStart = opStart;
        }

        _current = null;
        _closedByParen = -1;
        _inCondition = false;
        _afterCompound = false;
        _afterFunctionName = false;
        if (_header is HeaderState.LoopHeader or HeaderState.FunctionName)
        {
            _header = HeaderState.None;
        }
    }

    private void HandleWord(ShellWord word)
    {
        switch (_header)
        {
            case HeaderState.FunctionName:
                _header = HeaderState.None;
                _afterFunctionName = true;
                return;
            case HeaderState.CaseSubject:
                _header = HeaderState.CaseIn;
                return;
            case HeaderState.CaseIn:
                // Normally `in`; whatever it is, the patterns come next.
                _header = HeaderState.None;
                if (_cases.Count > 0)
                {
                    _cases[_cases.Count - 1] = true;
                }

                return;
            case HeaderState.LoopHeader:
                return;
        }

        if (_inCondition)
        {
            _current?.Words.Add(word);
            if (word.BareText == "]]")
            {
                _inCondition = false;
            }

            return;
        }

        if (_current == null)
        {
            if (word.BareText is { } bare && TryReservedWord(bare))
            {
                return;
            }

            StartCommand();
        }

        var current = _current!;
        if (current.Words.Count == 0 && word.TryGetAssignment(out ShellAssignment? assignment))
        {
            current.Assignments.Add(assignment);
            return;
        }

        current.Words.Add(word);
        if (current.Words.Count == 1 && word.BareText == "[[")
        {
            _inCondition = true;
        }
    }

    private void StartCommand()
    {
        _current = new CommandBuilder();
        _closedByParen = -1;
        _afterCompound = false;
        _afterFunctionName = false;
    }

    private bool TryReservedWord(string word)
    {
        switch (word)
        {
            case "if":
            case "then":
            case "elif":
            case "else":
            case "do":
            case "while":
            case "until":
            case "!":
            case "{":
            case "in":
            case "time":
                _afterCompound = false;
                return true;
            case "fi":
            case "done":
            case "}":
                _afterCompound = true;
                return true;
            case "esac":
                if (_cases.Count > 0)
                {
                    _cases.RemoveAt(_cases.Count - 1);
                }

                _afterCompound = true;
                return true;
            case "for":
            case "select":
                _header = HeaderState.LoopHeader;
                return true;
            case "function":
                _header = HeaderState.FunctionName;
                return true;
            case "case":
                _cases.Add(false);
                _header = HeaderState.CaseSubject;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads <c>pattern | pattern )</c>, or the <c>esac</c> that ends the case.</summary>
    private void ReadCasePatterns()
    {
        var r = _r;
        var sawPattern = false;
        while (true)
        {
            SkipBlanks();
            if (r.AtEnd)
            {
                return;
            }

            var pos = r.Position;
            var c = r.Text[pos];
            switch (c)
            {
                case '\n':
                    r.Position = pos + 1;
                    ReadHereDocuments();
                    continue;
                case '#' when !sawPattern:
                    ReadComment();
                    continue;
                case ')':
                    r.Position = pos + 1;
                    _cases[_cases.Count - 1] = false;
                    return;
                case '(':
                case '|':
                case ';':
                case '&':
                case '<':
                case '>':
                    r.Position = pos + 1;
                    continue;
            }

            var word = _lexer.LexWord();
            if (word == null)
            {
                r.Position = pos + 1;
                continue;
            }

            if (!sawPattern && word.BareText == "esac")
            {
                _cases.RemoveAt(_cases.Count - 1);
                _afterCompound = true;
                return;
            }

            sawPattern = true;
        }
    }

    private bool TryReadNumberedRedirection()
    {
        var r = _r;
        var start = r.Position;
        var i = start;
        while (i < r.Limit && ShellChars.IsDigit(r.Text[i]))
        {
            i++;
        }

        if (r.At(i) is not ('<' or '>'))
        {
            return false;
        }

        r.Position = i;
        ReadRedirection(r.Text.Substring(start, i - start), start);
        return true;
    }

    private void ReadRedirection(string? fileDescriptor, int start)
    {
        var r = _r;
        var pos = r.Position;
        var c = r.At(pos);
        var next = r.At(pos + 1);
        var third = r.At(pos + 2);
        if (fileDescriptor == null && (c == '<' || c == '>') && next == '(' && _lexer.LexWord() is { } processSubstitution)
        {
            HandleWord(processSubstitution);
            return;
        }

        string op;
        if (c == '<')
        {
            op = next switch
            {
                '<' => third switch { '<' => "<<<", '-' => "<<-", _ => "<<" },
                '>' => "<>",
                '&' => "<&",
                _ => "<",
            };
        }
        else if (c == '>')
        {
            op = next switch { '>' => ">>", '&' => ">&", '|' => ">|", _ => ">" };
        }
        else
        {
            op = third == '>' ? "&>>" : "&>";
        }

        r.Position = pos + op.Length;
        SkipBlanks();
        var isHereDocument = op is "<<" or "<<-";
        string? delimiter = null;
        var quoted = false;
        var target = isHereDocument ? ReadHereDocumentDelimiter(out delimiter, out quoted) : _lexer.LexWord();
        var redirection = new RedirectionBuilder(start, target?.End ?? pos + op.Length, op, fileDescriptor, target);
        if (delimiter != null)
        {
            _hereDocuments.Add(new PendingHereDocument(redirection, delimiter, op == "<<-", quoted));
        }

        if (_current == null)
        {
            // `done < file`, `) > log`, `} 2>&1`: the redirection belongs to the compound command,
            // which is not a simple command of its own.
            if (_afterCompound || _header != HeaderState.None)
            {
                return;
            }

            StartCommand();
        }

        _current!.Redirections.Add(redirection);
    }

    private ShellWord? ReadHereDocumentDelimiter(out string? delimiter, out bool quoted)
    {
        var r = _r;
        var text = r.Text;
        var start = r.Position;
        var value = new StringBuilder();
        quoted = false;
        while (r.Position < r.Limit)
        {
            var pos = r.Position;
            var c = text[pos];
            if (ShellChars.EndsWord(c))
            {
                break;
            }

            if (c == '\\')
            {
                quoted = true;
                if (pos + 1 < r.Limit)
                {
                    value.Append(text[pos + 1]);
                }

                r.Position = pos + 2 > r.Limit ? r.Limit : pos + 2;
                continue;
            }

            if (c is '\'' or '"')
            {
                quoted = true;
                var close = text.IndexOf(c, pos + 1, r.Limit - pos - 1);
                var contentEnd = close < 0 ? r.Limit : close;
                value.Append(text, pos + 1, contentEnd - pos - 1);
                if (close < 0)
                {
                    r.Sinks.Incomplete = true;
                }

                r.Position = close < 0 ? r.Limit : close + 1;
                continue;
            }

            value.Append(c);
            r.Position = pos + 1;
        }

        if (r.Position == start)
        {
            delimiter = null;
            return null;
        }

        delimiter = value.ToString();
        var raw = text.Substring(start, r.Position - start);
        return new ShellWord(start, raw, ImmutableArray.Create<ShellWordPart>(new LiteralPart(delimiter, QuoteKind.None, start, raw.Length)));
    }

    /// <summary>After a line break: the bodies of the here-documents opened on the line, in order.</summary>
    private void ReadHereDocuments()
    {
        if (_hereDocuments.Count == 0)
        {
            return;
        }

        var r = _r;
        var text = r.Text;
        foreach (var pending in _hereDocuments)
        {
            var bodyStart = r.Position;
            var bodyEnd = -1;
            while (r.Position < r.Limit)
            {
                var lineStart = r.Position;
                var newline = text.IndexOf('\n', lineStart, r.Limit - lineStart);
                var lineEnd = newline < 0 ? r.Limit : newline;
                r.Position = newline < 0 ? r.Limit : newline + 1;
                if (IsDelimiterLine(lineStart, lineEnd, pending))
                {
                    bodyEnd = lineStart;
                    break;
                }
            }

            if (bodyEnd < 0)
            {
                bodyEnd = r.Limit;
                r.Sinks.Incomplete = true;
            }

            pending.Redirection.HereDocument = ReadHereDocumentBody(bodyStart, bodyEnd, pending.Quoted);
        }

        _hereDocuments.Clear();
    }

    private bool IsDelimiterLine(int lineStart, int lineEnd, PendingHereDocument pending)
    {
        var text = _r.Text;
        if (pending.StripTabs)
        {
            while (lineStart < lineEnd && text[lineStart] == '\t')
            {
                lineStart++;
            }
        }

        if (lineEnd > lineStart && text[lineEnd - 1] == '\r')
        {
            lineEnd--;
        }

        var delimiter = pending.Delimiter;
        return lineEnd - lineStart == delimiter.Length && string.CompareOrdinal(text, lineStart, delimiter, 0, delimiter.Length) == 0;
    }

    private ShellWord ReadHereDocumentBody(int start, int end, bool quoted)
    {
        var r = _r;
        if (quoted)
        {
            var raw = r.Text.Substring(start, end - start);
            var parts = raw.Length == 0
                ? ImmutableArray<ShellWordPart>.Empty
                : ImmutableArray.Create<ShellWordPart>(new LiteralPart(raw, QuoteKind.Single, start, raw.Length));
            return new ShellWord(start, raw, parts);
        }

        var region = r.Region(start, end, r.Depth);
        return new WordLexer(region).LexHereDocumentBody();
    }

    private ImmutableArray<ShellComment> SortedComments()
    {
        var comments = _r.Sinks.Comments;
        for (var i = 1; i < comments.Count; i++)
        {
            if (comments[i - 1].Start > comments[i].Start)
            {
                comments.Sort((a, b) => a.Start.CompareTo(b.Start));
                break;
            }
        }

        return comments.ToImmutable();
    }

    private ImmutableArray<VariableReference> SortedVariables()
    {
        var variables = _r.Sinks.Variables;
        for (var i = 1; i < variables.Count; i++)
        {
            if (variables[i - 1].Start > variables[i].Start)
            {
                variables.Sort((a, b) => a.Start.CompareTo(b.Start));
                break;
            }
        }

        return variables.ToImmutable();
    }
}

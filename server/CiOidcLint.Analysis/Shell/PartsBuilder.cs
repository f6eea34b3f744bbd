using System.Collections.Immutable;
using System.Text;

namespace CiOidcLint.Analysis.Shell;

/// <summary>Collects the parts of one word, merging adjacent literal characters of one quoting.</summary>
internal sealed class PartsBuilder
{
    private readonly ImmutableArray<ShellWordPart>.Builder _parts = ImmutableArray.CreateBuilder<ShellWordPart>();
    private readonly StringBuilder _literal = new();
    private readonly int _start;
    private int _literalStart = -1;
    private int _literalEnd;
    private QuoteKind _literalQuote;
    private bool _literalIsVerbatim;

    public PartsBuilder(int start)
    {
        _start = start;
        End = start;
    }

    /// <summary>The end of the source consumed so far, closing quotes included.</summary>
    public int End { get; private set; }

    public bool IsEmpty => _parts.Count == 0 && _literalStart < 0;

    /// <summary>How many parts were completed; a literal still being collected is not counted.</summary>
    public int CompletedCount => _parts.Count;

    /// <summary>
    /// Whether the word so far is exactly an unquoted, unescaped <c>NAME=</c> or <c>NAME+=</c>, so that
    /// a following <c>(</c> opens an array value instead of ending the word.
    /// </summary>
    public bool IsAssignmentPrefix
    {
        get
        {
            if (_parts.Count != 0 || _literalStart < 0 || _literalQuote != QuoteKind.None || !_literalIsVerbatim)
            {
                return false;
            }

            var n = _literal.Length;
            if (n < 2 || _literal[n - 1] != '=' || !ShellChars.IsNameStart(_literal[0]))
            {
                return false;
            }

            var nameEnd = _literal[n - 2] == '+' ? n - 2 : n - 1;
            for (var i = 1; i < nameEnd; i++)
            {
                if (!ShellChars.IsNameChar(_literal[i]))
                {
                    return false;
                }
            }

            return nameEnd >= 1;
        }
    }

    public void AppendLiteral(char c, QuoteKind quote, int rawStart, int rawEnd)
    {
        if (_literalStart >= 0 && quote != _literalQuote)
        {
            Flush();
        }

        if (_literalStart < 0)
        {
            _literalStart = rawStart;
            _literalQuote = quote;
            _literalIsVerbatim = true;
        }

        _literal.Append(c);
        _literalIsVerbatim &= rawEnd - rawStart == 1;
        _literalEnd = rawEnd;
        Touch(rawEnd);
    }

    public void Add(ShellWordPart part)
    {
        Flush();
        _parts.Add(part);
        Touch(part.End);
    }

    public void Touch(int end)
    {
        if (end > End)
        {
            End = end;
        }
    }

    public void Flush()
    {
        if (_literalStart < 0)
        {
            return;
        }

        _parts.Add(new LiteralPart(_literal.ToString(), _literalQuote, _literalStart, _literalEnd - _literalStart));
        _literal.Clear();
        _literalStart = -1;
    }

    public ImmutableArray<ShellWordPart> ToParts()
    {
        Flush();
        return _parts.ToImmutable();
    }

    public ShellWord ToWord(string text)
    {
        var parts = ToParts();
        return new ShellWord(_start, text.Substring(_start, End - _start), parts);
    }
}

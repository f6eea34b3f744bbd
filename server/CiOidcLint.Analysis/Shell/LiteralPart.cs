namespace CiOidcLint.Analysis.Shell;

/// <summary>
/// Text with no expansion in it. <see cref="Text"/> is the value (quotes and escapes removed);
/// the span is the source it came from. Single-quoted and <c>$'...'</c> parts span their quotes;
/// double-quoted parts span their content only, except an empty <c>""</c>, which gives an
/// empty part spanning both quotes so that the word still has a part.
/// </summary>
public sealed class LiteralPart : ShellWordPart
{
    internal LiteralPart(string text, QuoteKind quote, int start, int length)
        : base(start, length)
    {
        Text = text;
        Quote = quote;
    }

    public string Text { get; }

    public QuoteKind Quote { get; }

    public override string ToString() => Text;
}

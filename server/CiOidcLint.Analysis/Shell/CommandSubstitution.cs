namespace CiOidcLint.Analysis.Shell;

/// <summary><c>$(...)</c>, <c>`...`</c>, or a process substitution <c>&lt;(...)</c> / <c>&gt;(...)</c>.</summary>
public sealed class CommandSubstitution : ShellWordPart
{
    internal CommandSubstitution(
        int start,
        int length,
        ShellScript inner,
        SubstitutionForm form,
        int innerStart,
        int innerLength,
        bool inDoubleQuotes,
        bool isTerminated)
        : base(start, length)
    {
        Inner = inner;
        Form = form;
        InnerStart = innerStart;
        InnerLength = innerLength;
        InDoubleQuotes = inDoubleQuotes;
        IsTerminated = isTerminated;
    }

    /// <summary>The commands inside. Their offsets are absolute in the top-level text too.</summary>
    public ShellScript Inner { get; }

    public SubstitutionForm Form { get; }

    /// <summary>Where the text inside the delimiters starts.</summary>
    public int InnerStart { get; }

    public int InnerLength { get; }

    public bool InDoubleQuotes { get; }

    /// <summary>False when the closing <c>)</c> or backtick is missing.</summary>
    public bool IsTerminated { get; }
}

namespace CiOidcLint.Analysis.Shell;

/// <summary>A redirection such as <c>&gt;file</c>, <c>2&gt;&amp;1</c> or <c>&lt;&lt;EOF</c>.</summary>
public sealed class ShellRedirection
{
    internal ShellRedirection(int start, int length, string @operator, string? fileDescriptor, ShellWord? target, ShellWord? hereDocument)
    {
        Start = start;
        Length = length;
        Operator = @operator;
        FileDescriptor = fileDescriptor;
        Target = target;
        HereDocument = hereDocument;
    }

    /// <summary>Where the redirection starts, at its file descriptor number when it has one.</summary>
    public int Start { get; }

    /// <summary>Up to the end of the target word; a here-document's body is not included.</summary>
    public int Length { get; }

    public int End => Start + Length;

    /// <summary><c>&lt;</c>, <c>&gt;</c>, <c>&gt;&gt;</c>, <c>&gt;|</c>, <c>&lt;&gt;</c>, <c>&lt;&amp;</c>, <c>&gt;&amp;</c>, <c>&amp;&gt;</c>, <c>&amp;&gt;&gt;</c>, <c>&lt;&lt;</c>, <c>&lt;&lt;-</c> or <c>&lt;&lt;&lt;</c>.</summary>
    public string Operator { get; }

    /// <summary>The digits before the operator (<c>2</c> in <c>2&gt;&amp;1</c>), or null.</summary>
    public string? FileDescriptor { get; }

    /// <summary>The file, descriptor or here-string word; for a here-document, its delimiter with quotes removed.</summary>
    public ShellWord? Target { get; }

    public bool IsHereDocument => Operator is "<<" or "<<-";

    /// <summary>
    /// Sends stdout (and with <c>&amp;&gt;</c> stderr too) to the target word: <c>&gt;</c>,
    /// <c>&gt;&gt;</c>, <c>&gt;|</c>, <c>&amp;&gt;</c>, <c>&amp;&gt;&gt;</c>, alone or on descriptor 1;
    /// not a duplication such as <c>&gt;&amp;2</c>, not <c>2&gt;</c>.
    /// </summary>
    public bool WritesStdout => Operator is ">" or ">>" or ">|" or "&>" or "&>>" && FileDescriptor is null or "1" && Target is not null;

    /// <summary>
    /// A here-document's body, from the line after the operator's line up to (not including) the
    /// delimiter line. With an unquoted delimiter its expansions are parsed; with a quoted one it is a
    /// single <see cref="QuoteKind.Single"/> literal. Null when the body was never reached.
    /// </summary>
    public ShellWord? HereDocument { get; }

    public override string ToString() => (FileDescriptor ?? string.Empty) + Operator + (Target?.RawText ?? string.Empty);
}

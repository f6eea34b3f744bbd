namespace CiOidcLint.Analysis.Shell;

/// <summary>A redirection whose here-document body may still be ahead, on a later line.</summary>
internal sealed class RedirectionBuilder
{
    public RedirectionBuilder(int start, int end, string @operator, string? fileDescriptor, ShellWord? target)
    {
        Start = start;
        End = end;
        Operator = @operator;
        FileDescriptor = fileDescriptor;
        Target = target;
    }

    public int Start { get; }

    public int End { get; }

    public string Operator { get; }

    public string? FileDescriptor { get; }

    public ShellWord? Target { get; }

    public ShellWord? HereDocument { get; set; }

    public ShellRedirection Build() => new(Start, End - Start, Operator, FileDescriptor, Target, HereDocument);
}

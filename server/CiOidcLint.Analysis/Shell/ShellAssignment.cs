namespace CiOidcLint.Analysis.Shell;

/// <summary><c>NAME=value</c> (or <c>NAME+=value</c>, <c>NAME[i]=value</c>).</summary>
public sealed class ShellAssignment
{
    internal ShellAssignment(string name, int nameStart, bool isAppend, ShellWord value, ShellWord word)
    {
        Name = name;
        NameStart = nameStart;
        IsAppend = isAppend;
        Value = value;
        Word = word;
    }

    public string Name { get; }

    public int NameStart { get; }

    /// <summary><c>NAME+=value</c>.</summary>
    public bool IsAppend { get; }

    /// <summary>The part of the word after <c>=</c>; it may be empty (no parts, length 0).</summary>
    public ShellWord Value { get; }

    /// <summary>The whole <c>NAME=value</c> word.</summary>
    public ShellWord Word { get; }

    public int Start => Word.Start;

    public int End => Word.End;

    public override string ToString() => Word.RawText;
}

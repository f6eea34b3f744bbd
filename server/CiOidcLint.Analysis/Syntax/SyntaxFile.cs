using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Syntax;

/// <summary>
/// One YAML file of the pipeline: its text, its configuration document (after a <c>spec:</c>
/// header when there is one) and what went wrong while reading it.
/// </summary>
public sealed class SyntaxFile
{
    private SyntaxFile(string path, SourceText text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path from the repository root, with forward slashes.</summary>
    public string Path { get; }

    public SourceText Text { get; }

    /// <summary>The configuration document, or null when the file is empty or could not be read at all.</summary>
    public YamlNode? Root { get; private set; }

    /// <summary>The <c>spec:</c> header document, when the file has one.</summary>
    public YamlMapping? Header { get; private set; }

    public ImmutableArray<SyntaxProblem> Problems { get; private set; } = ImmutableArray<SyntaxProblem>.Empty;

    public YamlMapping? RootMapping => Root as YamlMapping;

    /// <summary>The indentation step the author uses, learned once by the fixes that insert keys.</summary>
    internal int? IndentUnit { get; set; }

    public static SyntaxFile Parse(string path, SourceText text, YamlLimits? limits = null)
    {
        var file = new SyntaxFile(path, text);
        var result = YamlTreeBuilder.Build(file, limits ?? YamlLimits.GitLab);
        file.Root = result.Root;
        file.Header = result.Header;
        file.Problems = result.Problems;
        return file;
    }

    public static SyntaxFile Parse(string path, string text, YamlLimits? limits = null) => Parse(path, SourceText.From(text), limits);

    public override string ToString() => Path;
}

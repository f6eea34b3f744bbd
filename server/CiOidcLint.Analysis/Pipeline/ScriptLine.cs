using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// One item of a job's <c>before_script</c>, <c>script</c>, <c>after_script</c> or
/// <c>hooks:pre_get_sources_script</c>, after <c>!reference</c> lists are spliced in.
/// </summary>
public sealed record ScriptLine(string Section, YamlScalar Node)
{
    /// <summary>True for the last line its shell runs (before_script and script share one shell).</summary>
    public bool IsLastInShell { get; init; }

    public string Text => Node.Value;

    /// <summary>The line parsed as shell (parsed once per YAML node).</summary>
    public Shell.ShellScript Shell => Node.Shell;
}

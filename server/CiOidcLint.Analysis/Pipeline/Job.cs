using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// A job or hidden job (template) of the pipeline, with its configuration as GitLab runs it:
/// <c>include</c>, <c>extends</c>, <c>!reference</c> and <c>default:</c> applied. Every value
/// is still the node the user wrote, so a finding on it points at the file and line to edit.
/// </summary>
public sealed class Job
{
    private ImmutableArray<IdToken>? _idTokens;
    private ImmutableArray<Secret>? _secrets;
    private ImmutableArray<ScriptLine>? _scriptLines;
    private JobShell? _shell;

    internal Job(string name, YamlEntry declaration)
    {
        Name = name;
        Declaration = declaration;
        Effective = declaration.Value as YamlMapping ?? YamlMapping.Compose(declaration.Value, ImmutableArray<YamlEntry>.Empty);
    }

    /// <summary>More script lines than any real job has; past it, lines are not read.</summary>
    public const int MaxScriptLines = 10_000;

    public string Name { get; }

    /// <summary>Hidden jobs (<c>.name</c>) are templates: not run, but used by <c>extends</c> and <c>!reference</c>.</summary>
    public bool IsHidden => GitLabKeywords.IsHidden(Name);

    /// <summary>A trigger (bridge) job: it starts another pipeline and runs no script.</summary>
    public bool IsTrigger => Effective.ContainsKey("trigger");

    /// <summary>The job's key and value as last written (the including file wins over its includes).</summary>
    public YamlEntry Declaration { get; }

    /// <summary>The configuration after <c>extends</c>, <c>!reference</c> and <c>default:</c>.</summary>
    public YamlMapping Effective { get; internal set; }

    /// <summary>The jobs and templates it extends, nearest first, each once.</summary>
    public ImmutableArray<string> Bases { get; internal set; } = ImmutableArray<string>.Empty;

    /// <summary>The keys it took from <c>default:</c>.</summary>
    public ImmutableHashSet<string> FromDefault { get; internal set; } = ImmutableHashSet<string>.Empty;

    /// <summary>
    /// True when an <c>extends</c> or <c>!reference</c> target is missing while an include could
    /// not be followed: the target may live there, so findings that need the whole job are held back.
    /// </summary>
    public bool IsIncomplete { get; internal set; }

    /// <summary>A key's value, with <c>key: null</c> (which removes an inherited value) read as absent.</summary>
    public YamlNode? Get(string key) => Effective.Get(key) is { } value && value is not YamlScalar { IsNull: true } ? value : null;

    public ImmutableArray<IdToken> IdTokens => _idTokens ??= ReadIdTokens();

    public ImmutableArray<Secret> Secrets => _secrets ??= ReadSecrets();

    public ImmutableArray<ScriptLine> ScriptLines => _scriptLines ??= ReadScriptLines();

    /// <summary>bash, or PowerShell on a Windows runner (see <see cref="JobShellDetector"/>).</summary>
    public JobShell Shell => _shell ??= JobShellDetector.Detect(this);

    public override string ToString() => Name;

    private ImmutableArray<IdToken> ReadIdTokens()
    {
        if (Get("id_tokens") is not YamlMapping tokens)
        {
            return ImmutableArray<IdToken>.Empty;
        }

        var fromDefault = FromDefault.Contains("id_tokens");
        return tokens.Entries.Select(e => new IdToken(e, fromDefault)).ToImmutableArray();
    }

    private ImmutableArray<Secret> ReadSecrets()
        => Get("secrets") is YamlMapping secrets
            ? secrets.Entries.Select(e => new Secret(e)).ToImmutableArray()
            : ImmutableArray<Secret>.Empty;

    private ImmutableArray<ScriptLine> ReadScriptLines()
    {
        var lines = new List<ScriptLine>();
        if ((Get("hooks") as YamlMapping)?.Get("pre_get_sources_script") is { } hook)
        {
            AddSection(lines, "hooks:pre_get_sources_script", hook);
        }

        foreach (var section in GitLabKeywords.ScriptSections)
        {
            if (Get(section) is { } value)
            {
                AddSection(lines, section, value);
            }
        }

        return lines.ToImmutableArray();
    }

    private static void AddSection(List<ScriptLine> lines, string section, YamlNode value)
    {
        var items = new List<YamlScalar>();
        var budget = MaxScriptLines * 10;
        Flatten(value, items, 0, ref budget);
        for (var i = 0; i < items.Count; i++)
        {
            // before_script and script share one shell, so before_script's last line is never the last one run.
            lines.Add(new ScriptLine(section, items[i]) { IsLastInShell = i == items.Count - 1 && section != "before_script" });
        }
    }

    /// <summary>
    /// GitLab flattens nested script lists (from <c>!reference</c>) up to 10 levels. Lists shared
    /// through aliases are read as often as they run, up to <see cref="MaxScriptLines"/> lines, so
    /// nested aliases cannot make this exponential. An unresolved <c>!reference</c> is no script.
    /// </summary>
    private static void Flatten(YamlNode node, List<YamlScalar> into, int depth, ref int budget)
    {
        // Lines and visited nodes are both bounded: a list of lists nested past the 10 levels
        // holds no line at all, yet could be wide.
        if (into.Count >= MaxScriptLines || --budget < 0)
        {
            return;
        }

        switch (node)
        {
            case YamlScalar { IsNull: false } scalar:
                into.Add(scalar);
                break;
            case YamlSequence { IsReference: false } sequence when depth <= 10:
                foreach (var item in sequence.Items)
                {
                    Flatten(item, into, depth + 1, ref budget);
                }

                break;
        }
    }
}

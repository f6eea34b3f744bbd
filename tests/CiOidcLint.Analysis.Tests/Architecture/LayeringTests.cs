using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Tests.Corpus;

namespace CiOidcLint.Analysis.Tests.Architecture;

/// <summary>
/// The engine's folders depend one way, as docs/architecture.md draws it: Shell and Syntax, then
/// Pipeline, Configuration, Fixes, Rules, Engine, and Workspace, which the front doors use. A
/// folder may use those before it, never one after it.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] Layers = { "Shell", "Syntax", "Pipeline", "Configuration", "Fixes", "Rules", "Engine", "Workspace" };

    /// <summary>
    /// <c>CiOidcLint.Analysis.Engine…</c>, or <c>Engine.X</c> written relative to the parent
    /// namespace (which C# resolves inside <c>CiOidcLint.Analysis.*</c>), not after a dot.
    /// </summary>
    private static readonly Regex Reference = new(@"\bCiOidcLint\.Analysis\.(?<layer>[A-Z]\w+)|(?<![\w.])(?<layer>Shell|Syntax|Pipeline|Configuration|Fixes|Rules|Engine|Workspace)\.(?=[A-Z])", RegexOptions.CultureInvariant);

    [Fact]
    public void Every_folder_of_the_engine_uses_only_the_folders_before_it()
    {
        var source = Path.Combine(CorpusLocation.RepositoryRoot, "server", "CiOidcLint.Analysis");
        var violations = new List<string>();
        foreach (var file in Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(source, file).Replace(Path.DirectorySeparatorChar, '/');
            var folder = relative.Split('/')[0];
            var own = Array.IndexOf(Layers, folder);
            if (own < 0)
            {
                continue;
            }

            foreach (Match reference in Reference.Matches(File.ReadAllText(file)))
            {
                var used = Array.IndexOf(Layers, reference.Groups["layer"].Value);
                // Shell and Syntax form the bottom layer together: a YAML scalar holds its parsed script.
                if (used > own && !(folder == "Syntax" && Layers[used] == "Shell"))
                {
                    violations.Add($"{relative} uses {Layers[used]}");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct()));
    }
}

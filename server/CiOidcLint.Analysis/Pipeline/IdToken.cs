using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>One entry of a job's effective <c>id_tokens:</c>.</summary>
public sealed record IdToken(YamlEntry Entry, bool IsFromDefault)
{
    public string Name => Entry.Name;

    /// <summary>The <c>aud</c> value, or null when the entry has none (or is not a mapping).</summary>
    public YamlNode? Aud => (Entry.Value as YamlMapping)?.Get("aud");
}

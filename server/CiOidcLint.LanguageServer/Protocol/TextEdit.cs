using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>Replaces a range with text.</summary>
public sealed record TextEdit
{
    [JsonPropertyName("range")]
    public Range Range { get; set; } = new();

    [JsonPropertyName("newText")]
    public string NewText { get; set; } = string.Empty;
}

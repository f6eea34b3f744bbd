using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>textDocument/prepareRename's answer: the name's range and its text.</summary>
public sealed record PrepareRenameResult
{
    [JsonPropertyName("range")]
    public Range Range { get; set; } = new();

    [JsonPropertyName("placeholder")]
    public string Placeholder { get; set; } = string.Empty;
}

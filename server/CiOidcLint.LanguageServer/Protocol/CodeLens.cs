using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>A line of text above a range, with the command it runs.</summary>
public sealed record CodeLens
{
    [JsonPropertyName("range")]
    public Range Range { get; set; } = new();

    [JsonPropertyName("command")]
    public Command? Command { get; init; }
}

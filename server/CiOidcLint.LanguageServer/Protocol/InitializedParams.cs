using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>initialized: no content.</summary>
public sealed record InitializedParams
{
}

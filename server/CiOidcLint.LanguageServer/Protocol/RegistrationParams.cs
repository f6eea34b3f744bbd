using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>client/registerCapability.</summary>
public sealed record RegistrationParams
{
    [JsonPropertyName("registrations")]
    public IReadOnlyList<Registration> Registrations { get; set; } = Array.Empty<Registration>();
}

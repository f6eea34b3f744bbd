using System.Collections.Immutable;
using System.Text.Json;
using CiOidcLint.Analysis.Rules;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>
/// The <c>cioidclint</c> settings section. Severity is not here on purpose: it lives in
/// <c>.editorconfig</c> only, so the editor, the hook and the merge-request job agree.
/// </summary>
public sealed record ServerSettings(ImmutableArray<string> Files, string HelpBaseUri, string Trace)
{
    public static readonly ServerSettings Default = new(ImmutableArray<string>.Empty, RuleCatalog.DefaultHelpBase, "off");

    /// <summary>
    /// Reads the section from what a client sends: <c>{"cioidclint": {...}}</c> (didChangeConfiguration),
    /// the section itself (workspace/configuration, initializationOptions), or <c>trace.server</c> at
    /// either level. Unknown or ill-typed values keep their defaults.
    /// </summary>
    public static ServerSettings From(JsonElement? element, ServerSettings? fallback = null)
    {
        var settings = fallback ?? Default;
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            return settings;
        }

        if (value.TryGetProperty("cioidclint", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            value = section;
        }

        var files = settings.Files;
        if (value.TryGetProperty("files", out var globs) && globs.ValueKind == JsonValueKind.Array)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var glob in globs.EnumerateArray())
            {
                if (glob.ValueKind == JsonValueKind.String && glob.GetString() is { Length: > 0 } text)
                {
                    builder.Add(text);
                }
            }

            files = builder.ToImmutable();
        }

        var help = settings.HelpBaseUri;
        if (value.TryGetProperty("helpBaseUri", out var uri) && uri.ValueKind == JsonValueKind.String && uri.GetString() is { Length: > 0 } text2)
        {
            help = text2.EndsWith("/", System.StringComparison.Ordinal) ? text2 : text2 + "/";
        }

        var trace = settings.Trace;
        if (value.TryGetProperty("trace", out var traceSection) && traceSection.ValueKind == JsonValueKind.Object
            && traceSection.TryGetProperty("server", out var server) && server.ValueKind == JsonValueKind.String)
        {
            trace = server.GetString() ?? trace;
        }
        else if (value.TryGetProperty("trace.server", out var flat) && flat.ValueKind == JsonValueKind.String)
        {
            trace = flat.GetString() ?? trace;
        }

        return new ServerSettings(files, help, trace);
    }

    /// <summary>Value equality (the record's own compares the glob list by reference).</summary>
    public bool SameAs(ServerSettings other)
        => HelpBaseUri == other.HelpBaseUri && Trace == other.Trace && System.Linq.Enumerable.SequenceEqual(Files, other.Files, System.StringComparer.Ordinal);
}

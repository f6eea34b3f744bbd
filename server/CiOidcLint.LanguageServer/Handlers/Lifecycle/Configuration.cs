using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Handlers.Lifecycle;

/// <summary>Settings: asked of the client with <c>workspace/configuration</c> where it answers that, and applied to the workspace.</summary>
public static class Configuration
{
    public const string Section = "cioidclint";

    public static async Task RefreshAsync(ServerState state)
    {
        if (!state.Features.ConfigurationRequests)
        {
            return;
        }

        try
        {
            var result = await state.Client.RequestAsync<ConfigurationParams, JsonElement[]?>(
                "workspace/configuration",
                new ConfigurationParams { Items = new[] { new ConfigurationItem { Section = Section } } },
                CancellationToken.None).ConfigureAwait(false);
            if (result is { Length: > 0 })
            {
                Apply(state, result[0]);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            state.Log.Warning($"workspace/configuration failed: {ex.Message}");
        }
    }

    public static void Apply(ServerState state, JsonElement? settings)
    {
        state.Workspace.Update(
            s =>
            {
                var next = ServerSettings.From(settings, s.Settings);
                return next.SameAs(s.Settings) ? s : s.With(settings: next);
            },
            WorkspaceChange.Environment);
        var trace = state.Workspace.Current.Settings.Trace;
        if (trace != "off")
        {
            state.Log.TraceLevel = trace;
        }

        // A new files glob changes which documents the client must send.
        _ = DocumentSync.UpdateAsync(state);
    }
}

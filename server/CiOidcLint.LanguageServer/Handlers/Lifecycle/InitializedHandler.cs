using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Handlers.Lifecycle;

/// <summary>
/// <c>initialized</c>: registers what the client lets us register at run time (watchers for
/// the pipeline's YAML and <c>.editorconfig</c>, configuration changes) and asks for settings.
/// </summary>
public sealed class InitializedHandler : NotificationHandler<InitializedParams>
{
    public override string Method => "initialized";

    public override void Handle(InitializedParams? notification, ServerState state)
    {
        _ = RegisterAsync(state);
    }

    private static async Task RegisterAsync(ServerState state)
    {
        var features = state.Features;
        var registrations = new List<Registration>();
        if (features.WatchedFilesRegistration)
        {
            registrations.Add(new Registration
            {
                Id = "cioidclint-watched-files",
                Method = "workspace/didChangeWatchedFiles",
                RegisterOptions = new DidChangeWatchedFilesRegistrationOptions
                {
                    Watchers = new[]
                    {
                        new FileSystemWatcher { GlobPattern = "**/*.{yml,yaml}" },
                        new FileSystemWatcher { GlobPattern = "**/.editorconfig" },
                    },
                },
            });
        }

        if (features.ConfigurationRegistration)
        {
            registrations.Add(new Registration { Id = "cioidclint-configuration", Method = "workspace/didChangeConfiguration", RegisterOptions = new DidChangeConfigurationRegistrationOptions { Section = "cioidclint" } });
        }

        try
        {
            if (registrations.Count > 0)
            {
                await state.Client.RequestAsync<RegistrationParams, JsonElement?>("client/registerCapability", new RegistrationParams { Registrations = registrations }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            state.Log.Warning($"client/registerCapability failed: {ex.Message}");
        }

        await Configuration.RefreshAsync(state).ConfigureAwait(false);
        await DocumentSync.UpdateAsync(state).ConfigureAwait(false);
    }
}

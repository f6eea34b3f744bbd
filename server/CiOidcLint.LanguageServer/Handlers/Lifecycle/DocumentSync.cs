using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Workspace;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;

namespace CiOidcLint.LanguageServer.Handlers.Lifecycle;

/// <summary>
/// Which documents the client sends, decided here rather than in each client: where the client
/// takes registrations at run time, the server registers <c>didOpen</c>, <c>didChange</c>,
/// <c>didSave</c> and <c>didClose</c> for GitLab's pipeline names (<see cref="RepositoryScope"/>)
/// and the <c>files</c> setting's globs, and registers again when the setting changes. A client
/// that does not gets the static sync capability and sends what its own selector picks.
/// </summary>
public static class DocumentSync
{
    private static readonly string[] Methods = { "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave", "textDocument/didClose" };

    private static readonly ConditionalWeakTable<ServerState, Registered> State = new();

    private sealed class Registered
    {
        public readonly SemaphoreSlim Gate = new(1, 1);

        public string[] Patterns = Array.Empty<string>();

        public int Generation;
    }

    /// <summary>
    /// The patterns of the documents to send: GitLab's names and the setting's globs, those
    /// written from the repository root made to match anywhere (a document filter matches the
    /// whole path), which may select a few more documents than are pipelines: the server decides.
    /// </summary>
    public static string[] Patterns(IEnumerable<string> extraGlobs)
    {
        var patterns = new List<string>(RepositoryScope.DefaultPipelineGlobs);
        foreach (var value in extraGlobs)
        {
            var glob = value.Trim().Replace('\\', '/');
            while (glob.StartsWith("./", StringComparison.Ordinal))
            {
                glob = glob.Substring(2);
            }

            if (glob.Length == 0)
            {
                continue;
            }

            // "/ci/*.yml" is from the repository root, as the engine's FileGlob reads it.
            glob = glob.TrimStart('/');
            if (glob.Length == 0)
            {
                continue;
            }

            if (!glob.StartsWith("**/", StringComparison.Ordinal))
            {
                glob = "**/" + glob;
            }

            if (!patterns.Contains(glob, StringComparer.Ordinal))
            {
                patterns.Add(glob);
            }
        }

        return patterns.ToArray();
    }

    /// <summary>Registers the sync methods for the current settings, replacing an older registration; nothing when they did not change.</summary>
    public static async Task UpdateAsync(ServerState state)
    {
        if (!state.Features.SyncRegistration)
        {
            return;
        }

        var registered = State.GetValue(state, _ => new Registered());
        await registered.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var patterns = Patterns(state.Workspace.Current.Settings.Files);
            if (patterns.SequenceEqual(registered.Patterns, StringComparer.Ordinal))
            {
                return;
            }

            // The new registration first, then the old one withdrawn: the client is never left
            // sending nothing, and a failure keeps what was registered.
            var generation = registered.Generation + 1;
            var selector = patterns.Select(p => new DocumentFilter { Scheme = "file", Pattern = p }).ToList();
            var registrations = Methods.Select(m => new Registration
            {
                Id = Id(m, generation),
                Method = m,
                RegisterOptions = new TextDocumentRegistrationOptions
                {
                    DocumentSelector = selector,
                    SyncKind = m == "textDocument/didChange" ? TextDocumentSyncKind.Incremental : null,
                    IncludeText = m == "textDocument/didSave" ? false : null,
                },
            }).ToList();
            await state.Client.RequestAsync<RegistrationParams, JsonElement?>("client/registerCapability", new RegistrationParams { Registrations = registrations }, CancellationToken.None).ConfigureAwait(false);
            var previous = registered.Generation;
            registered.Patterns = patterns;
            registered.Generation = generation;
            if (previous > 0)
            {
                await state.Client.RequestAsync<UnregistrationParams, JsonElement?>(
                    "client/unregisterCapability",
                    new UnregistrationParams { Unregisterations = Methods.Select(m => new Unregistration { Id = Id(m, previous), Method = m }).ToList() },
                    CancellationToken.None).ConfigureAwait(false);
            }

            state.Log.Info($"The editor sends the documents named {string.Join(", ", patterns)}");

            // A client sends didOpen for the documents already open when it takes the
            // registration, but its pull of diagnostics follows only documents it opens later
            // (vscode-languageclient): ask it to pull again, now that the server has them.
            if (state.Features.PullDiagnostics && state.Features.DiagnosticRefresh)
            {
                await state.Client.RequestAsync<JsonElement?>("workspace/diagnostic/refresh", CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            state.Log.Warning($"registering the documents to send failed: {ex.Message}");
        }
        finally
        {
            registered.Gate.Release();
        }
    }

    private static string Id(string method, int generation) => $"cioidclint-{method.Substring(method.IndexOf('/') + 1)}-{generation}";
}

using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using CiOidcLint.LanguageServer.Handlers;
using CiOidcLint.LanguageServer.Protocol;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary><c>cioidclint server</c>: LSP over a pair of streams (stdin and stdout), until <c>exit</c> or the end of input.</summary>
public static class LanguageServerHost
{
    /// <summary>Runs the server; the result is the process exit code (0 after shutdown and exit, 1 otherwise).</summary>
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter stderr)
    {
        LspJsonContext.CheckOutgoingTypes();
        var formatter = CreateFormatter();
        var handler = new LspMessageHandler(output, input, formatter);
        using var rpc = new JsonRpc(handler)
        {
            // Methods start in the order their messages arrived, one at a time, so document
            // changes apply in order; read-only requests leave this context at once.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };

        var log = new ServerLog(stderr);
        var client = new ClientConnection(rpc, stderr);
        log.Attach(client);
        var state = new ServerState(log, client);
        var dispatcher = new Dispatcher(rpc, state, formatter.JsonSerializerOptions);
        foreach (var lspHandler in HandlerList.Create())
        {
            lspHandler.Register(dispatcher);
        }

        rpc.StartListening();
        var finished = await Task.WhenAny(state.Lifetime.Exited, rpc.Completion).ConfigureAwait(false);
        state.Diagnostics.Cancel();
        if (handler.FramingError is { } framing)
        {
            await stderr.WriteLineAsync("cioidclint: cannot read the client's messages any more, exiting: " + framing).ConfigureAwait(false);
            return 1;
        }

        if (finished == state.Lifetime.Exited)
        {
            return await state.Lifetime.Exited.ConfigureAwait(false);
        }

        // The client closed our input without exit.
        return state.Lifetime.IsShutDown ? 0 : 1;
    }

    /// <summary>
    /// StreamJsonRpc's JSON formatter in its NativeAOT mode: user data (parameters and results)
    /// is read and written only through <see cref="LspJsonContext"/>'s generated metadata.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "User data goes through LspJsonContext's source-generated metadata only (StreamJsonRpc's NativeAOT guide); its own message types are source-generated too.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above: no serializer code is generated at run time.")]
    private static SystemTextJsonFormatter CreateFormatter() => new()
    {
        JsonSerializerOptions =
        {
            TypeInfoResolver = LspJsonContext.Default,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        },
    };
}

using System;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using StreamJsonRpc;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>
/// Puts handlers on the connection with the rules every method shares: nothing before
/// <c>initialize</c> but <c>initialize</c> and <c>exit</c>, nothing after <c>shutdown</c> but
/// <c>exit</c>. The connection invokes methods through an order-keeping synchronization
/// context, so mutating handlers (synchronous) see messages in the order they were sent;
/// read-only requests take the current snapshot there, then leave for the thread pool.
/// </summary>
public sealed class Dispatcher
{
    private readonly JsonRpc _rpc;
    private readonly ServerState _state;
    private readonly JsonSerializerOptions _options;

    public Dispatcher(JsonRpc rpc, ServerState state, JsonSerializerOptions options)
    {
        _rpc = rpc;
        _state = state;
        _options = options;
    }

    // Each entry's method is named through typeof of its own closed type, which the trimmer and
    // the native compiler follow: the method is kept, with what StreamJsonRpc needs to call it,
    // and nothing is looked up by a name known only at run time.
    public void AddReadOnlyRequest<TParams, TResult>(RequestHandler<TParams, TResult> handler)
        where TParams : class
        => AddTyped<TParams, TResult>(
            handler.Method,
            new ReadOnlyEntry<TParams, TResult>(handler, _state, _options),
            typeof(ReadOnlyEntry<TParams, TResult>).GetMethod(nameof(ReadOnlyEntry<TParams, TResult>.InvokeAsync)));

    public void AddMutatingRequest<TParams, TResult>(MutatingRequestHandler<TParams, TResult> handler)
        where TParams : class
        => AddTyped<TParams, TResult>(
            handler.Method,
            new MutatingEntry<TParams, TResult>(handler, _state, _options),
            typeof(MutatingEntry<TParams, TResult>).GetMethod(nameof(MutatingEntry<TParams, TResult>.Invoke)));

    public void AddNotification<TParams>(NotificationHandler<TParams> handler)
        where TParams : class
        => AddTyped<TParams, NoParams>(
            handler.Method,
            new NotificationEntry<TParams>(handler, _state, _options),
            typeof(NotificationEntry<TParams>).GetMethod(nameof(NotificationEntry<TParams>.Invoke)));

    /// <summary>Fails at start-up, not on the first message, when a handler's types have no generated JSON metadata.</summary>
    private void AddTyped<TParams, TResult>(string method, object entry, MethodInfo? invoke)
    {
        _ = LspJsonContext.TypeInfo<TParams>();
        _ = LspJsonContext.TypeInfo<TResult>();
        Add(method, entry, invoke);
    }

    private void Add(string method, object entry, MethodInfo? invoke)
        => _rpc.AddLocalRpcMethod(
            invoke ?? throw new InvalidOperationException($"{method}: the entry has no invoke method"),
            entry,
            new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });

    private static LocalRpcException Error(int code, string message) => new(message) { ErrorCode = code };

    /// <summary>
    /// The parameters as the handler takes them. Entries receive them raw and read them here, so
    /// parameters of the wrong shape are an InvalidParams error that names where (StreamJsonRpc
    /// would answer with a stack trace, and drop a notification without a word).
    /// </summary>
    private static TParams? Read<TParams>(JsonElement? parameters, JsonSerializerOptions options, string method)
        where TParams : class
    {
        if (parameters is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        try
        {
            return element.Deserialize((JsonTypeInfo<TParams>)options.GetTypeInfo(typeof(TParams)));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            var where = ex is JsonException { Path: { Length: > 0 } path } ? $" at {path}" : string.Empty;
            throw Error(LspErrorCodes.InvalidParams, $"{method}: the parameters{where} do not have the shape the method takes");
        }
    }

    private static void CheckRequestAllowed(ServerState state, string method, bool allowedBeforeInitialize)
    {
        if (!state.Lifetime.IsInitialized && !allowedBeforeInitialize)
        {
            throw Error(LspErrorCodes.ServerNotInitialized, $"{method}: the server is not initialized yet");
        }

        if (state.Lifetime.IsShutDown)
        {
            throw Error(LspErrorCodes.InvalidRequest, $"{method}: the server is shutting down");
        }
    }

    private sealed class ReadOnlyEntry<TParams, TResult>
        where TParams : class
    {
        private readonly RequestHandler<TParams, TResult> _handler;
        private readonly ServerState _state;
        private readonly JsonSerializerOptions _options;

        public ReadOnlyEntry(RequestHandler<TParams, TResult> handler, ServerState state, JsonSerializerOptions options)
        {
            _handler = handler;
            _state = state;
            _options = options;
        }

        public async Task<TResult?> InvokeAsync(JsonElement? parameters = default, CancellationToken cancellationToken = default)
        {
            CheckRequestAllowed(_state, _handler.Method, allowedBeforeInitialize: false);
            var request = Read<TParams>(parameters, _options, _handler.Method);
            if (request is null)
            {
                throw Error(LspErrorCodes.InvalidParams, $"{_handler.Method} needs parameters");
            }

            var snapshot = _state.Workspace.Current;
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await Task.Run(() => _handler.HandleAsync(request, new RequestContext(_state, snapshot), cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (SnapshotSupersededException)
            {
                throw Error(LspErrorCodes.ContentModified, $"{_handler.Method}: the document changed while the request ran");
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not LocalRpcException and not OutOfMemoryException)
            {
                // The log keeps the details; the client gets what failed, not our stack.
                _state.Log.Error($"{_handler.Method} failed: {ex}");
                throw Error(LspErrorCodes.InternalError, $"{_handler.Method} failed: {ex.Message}");
            }
            finally
            {
                _state.Log.Trace(_handler.Method, Stopwatch.GetElapsedTime(started));
            }
        }
    }

    private sealed class MutatingEntry<TParams, TResult>
        where TParams : class
    {
        private readonly MutatingRequestHandler<TParams, TResult> _handler;
        private readonly ServerState _state;
        private readonly JsonSerializerOptions _options;

        public MutatingEntry(MutatingRequestHandler<TParams, TResult> handler, ServerState state, JsonSerializerOptions options)
        {
            _handler = handler;
            _state = state;
            _options = options;
        }

        public TResult? Invoke(JsonElement? parameters = default)
        {
            CheckRequestAllowed(_state, _handler.Method, _handler.AllowedBeforeInitialize);
            var request = Read<TParams>(parameters, _options, _handler.Method);
            var started = Stopwatch.GetTimestamp();
            try
            {
                return _handler.Handle(request, _state);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not LocalRpcException and not OutOfMemoryException)
            {
                _state.Log.Error($"{_handler.Method} failed: {ex}");
                throw Error(LspErrorCodes.InternalError, $"{_handler.Method} failed: {ex.Message}");
            }
            finally
            {
                _state.Log.Trace(_handler.Method, Stopwatch.GetElapsedTime(started));
            }
        }
    }

    private sealed class NotificationEntry<TParams>
        where TParams : class
    {
        private readonly NotificationHandler<TParams> _handler;
        private readonly ServerState _state;
        private readonly JsonSerializerOptions _options;

        public NotificationEntry(NotificationHandler<TParams> handler, ServerState state, JsonSerializerOptions options)
        {
            _handler = handler;
            _state = state;
            _options = options;
        }

        public void Invoke(JsonElement? parameters = default)
        {
            if (!_handler.AlwaysAllowed && (!_state.Lifetime.IsInitialized || _state.Lifetime.IsShutDown))
            {
                _state.Log.Warning($"{_handler.Method} ignored: the server is {(_state.Lifetime.IsShutDown ? "shutting down" : "not initialized")}");
                return;
            }

            TParams? notification;
            try
            {
                notification = Read<TParams>(parameters, _options, _handler.Method);
            }
            catch (LocalRpcException ex)
            {
                // A notification has no response to carry the error: the log says it was not applied.
                _state.Log.Error(ex.Message + "; ignored");
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                _handler.Handle(notification, _state);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A notification has no response to carry the error: log it, keep serving.
                _state.Log.Error($"{_handler.Method} failed: {ex.Message}");
            }
            finally
            {
                _state.Log.Trace(_handler.Method, Stopwatch.GetElapsedTime(started));
            }
        }
    }
}

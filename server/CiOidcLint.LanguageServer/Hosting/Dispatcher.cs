using System;
using System.Diagnostics;
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

    public Dispatcher(JsonRpc rpc, ServerState state)
    {
        _rpc = rpc;
        _state = state;
    }

    public void AddReadOnlyRequest<TParams, TResult>(RequestHandler<TParams, TResult> handler)
        where TParams : class
        => Add(handler.Method, new ReadOnlyEntry<TParams, TResult>(handler, _state), nameof(ReadOnlyEntry<TParams, TResult>.InvokeAsync));

    public void AddMutatingRequest<TParams, TResult>(MutatingRequestHandler<TParams, TResult> handler)
        where TParams : class
        => Add(handler.Method, new MutatingEntry<TParams, TResult>(handler, _state), nameof(MutatingEntry<TParams, TResult>.Invoke));

    public void AddNotification<TParams>(NotificationHandler<TParams> handler)
        where TParams : class
        => Add(handler.Method, new NotificationEntry<TParams>(handler, _state), nameof(NotificationEntry<TParams>.Invoke));

    private void Add(string method, object entry, string entryMethod)
        => _rpc.AddLocalRpcMethod(
            entry.GetType().GetMethod(entryMethod) ?? throw new InvalidOperationException(entryMethod),
            entry,
            new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });

    private static LocalRpcException Error(int code, string message) => new(message) { ErrorCode = code };

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

        public ReadOnlyEntry(RequestHandler<TParams, TResult> handler, ServerState state)
        {
            _handler = handler;
            _state = state;
        }

        public async Task<TResult?> InvokeAsync(TParams? request = default, CancellationToken cancellationToken = default)
        {
            CheckRequestAllowed(_state, _handler.Method, allowedBeforeInitialize: false);
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
            catch (Exception ex) when (ex is not OperationCanceledException and not LocalRpcException)
            {
                _state.Log.Error($"{_handler.Method} failed: {ex}");
                throw;
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

        public MutatingEntry(MutatingRequestHandler<TParams, TResult> handler, ServerState state)
        {
            _handler = handler;
            _state = state;
        }

        public TResult? Invoke(TParams? request = default)
        {
            CheckRequestAllowed(_state, _handler.Method, _handler.AllowedBeforeInitialize);
            var started = Stopwatch.GetTimestamp();
            try
            {
                return _handler.Handle(request, _state);
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

        public NotificationEntry(NotificationHandler<TParams> handler, ServerState state)
        {
            _handler = handler;
            _state = state;
        }

        public void Invoke(TParams? notification = default)
        {
            if (!_handler.AlwaysAllowed && (!_state.Lifetime.IsInitialized || _state.Lifetime.IsShutDown))
            {
                _state.Log.Warning($"{_handler.Method} ignored: the server is {(_state.Lifetime.IsShutDown ? "shutting down" : "not initialized")}");
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

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.LanguageServer.Protocol;
using StreamJsonRpc;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>
/// Messages from the server to the client. Parameter objects are taken apart with
/// <see cref="LspJsonContext"/>'s generated metadata and handed to StreamJsonRpc as named
/// arguments with their declared types, its trim-safe overloads: StreamJsonRpc never reflects
/// over a parameter object, so the native server sends exactly what the JIT one does.
/// </summary>
public sealed class ClientConnection
{
    private readonly JsonRpc _rpc;
    private readonly TextWriterLog _fallback;

    public ClientConnection(JsonRpc rpc, System.IO.TextWriter stderr)
    {
        _rpc = rpc;
        _fallback = new TextWriterLog(stderr);
    }

    /// <summary>Sends a notification; a connection that is gone is not an error worth more than a line on stderr.</summary>
    public void Notify<TParams>(string method, TParams parameters)
        where TParams : class
    {
        _ = NotifyAsync(method, parameters);
    }

    public async Task NotifyAsync<TParams>(string method, TParams parameters)
        where TParams : class
    {
        try
        {
            var (arguments, types) = NamedArguments(parameters);
            await _rpc.NotifyWithParameterObjectAsync(method, arguments, types).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A notification has no caller to tell: a closed connection, or a message that could
            // not be written, is a line on stderr rather than an unobserved task.
            _fallback.Write($"{method} not sent: {ex.Message}");
        }
    }

    /// <summary>A request with parameters; the result is read with the generated metadata of <typeparamref name="TResult"/>.</summary>
    public Task<TResult> RequestAsync<TParams, TResult>(string method, TParams parameters, CancellationToken cancellationToken)
        where TParams : class
    {
        var (arguments, types) = NamedArguments(parameters);
        return _rpc.InvokeWithParameterObjectAsync<TResult>(method, arguments, types, cancellationToken);
    }

    /// <summary>A request that takes no parameters (<c>workspace/diagnostic/refresh</c>).</summary>
    public Task<TResult> RequestAsync<TResult>(string method, CancellationToken cancellationToken)
        => _rpc.InvokeWithParameterObjectAsync<TResult>(method, (IReadOnlyDictionary<string, object?>?)null, null, cancellationToken);

    /// <summary>
    /// The parameter object's members as StreamJsonRpc's named arguments, read through the
    /// generated metadata (getters, JSON names, declared types), so each value is written once,
    /// straight into the message. Null members are left out, as the protocol types ask.
    /// </summary>
    private static (IReadOnlyDictionary<string, object?> Arguments, IReadOnlyDictionary<string, Type> Types) NamedArguments<TParams>(TParams parameters)
        where TParams : class
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var property in LspJsonContext.TypeInfo<TParams>().Properties)
        {
            if (property.Get?.Invoke(parameters) is not { } value
                || (property.ShouldSerialize is { } include && !include(parameters, value)))
            {
                continue;
            }

            arguments[property.Name] = value;
            types[property.Name] = property.PropertyType;
        }

        return (arguments, types);
    }

    private sealed class TextWriterLog
    {
        private readonly System.IO.TextWriter _writer;

        public TextWriterLog(System.IO.TextWriter writer)
        {
            _writer = writer;
        }

        public void Write(string message) => _writer.WriteLine("cioidclint: " + message);
    }
}

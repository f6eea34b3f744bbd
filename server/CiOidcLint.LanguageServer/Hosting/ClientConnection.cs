using System;
using System.Threading;
using System.Threading.Tasks;
using StreamJsonRpc;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>Messages from the server to the client.</summary>
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
    public void Notify(string method, object parameters)
    {
        _ = NotifyAsync(method, parameters);
    }

    public async Task NotifyAsync(string method, object parameters)
    {
        try
        {
            await _rpc.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or ConnectionLostException or System.IO.IOException)
        {
            _fallback.Write($"{method} not sent: {ex.Message}");
        }
    }

    public Task<TResult> RequestAsync<TResult>(string method, object parameters, CancellationToken cancellationToken)
        => _rpc.InvokeWithParameterObjectAsync<TResult>(method, parameters, cancellationToken);

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

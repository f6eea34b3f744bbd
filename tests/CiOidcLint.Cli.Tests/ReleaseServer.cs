using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CiOidcLint.Cli.Tests;

/// <summary>
/// Serves one file at one path on 127.0.0.1, as a release's asset link would, and 404 for
/// anything else. Stops when disposed.
/// </summary>
public sealed class ReleaseServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _path;
    private readonly byte[] _content;
    private readonly Task _serving;

    public ReleaseServer(string path, byte[] content)
    {
        _path = path;
        _content = content;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            if (context.Request.Url?.AbsolutePath == _path)
            {
                response.StatusCode = 200;
                response.ContentType = "application/gzip";
                response.ContentLength64 = _content.Length;
                await response.OutputStream.WriteAsync(_content);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

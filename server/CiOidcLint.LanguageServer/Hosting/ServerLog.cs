using System;
using System.IO;
using System.Threading;
using CiOidcLint.LanguageServer.Protocol;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>
/// Logs go to the client (<c>window/logMessage</c>, and <c>$/logTrace</c> when tracing is on),
/// errors also to stderr. Never to stdout: it carries only LSP frames.
/// </summary>
public sealed class ServerLog
{
    private readonly TextWriter _stderr;
    private ClientConnection? _client;
    private string _trace = "off";

    public ServerLog(TextWriter stderr)
    {
        _stderr = stderr;
    }

    /// <summary>The <c>$/setTrace</c> level: off, messages or verbose.</summary>
    public string TraceLevel
    {
        get => Volatile.Read(ref _trace);
        set => Volatile.Write(ref _trace, value is "messages" or "verbose" ? value : "off");
    }

    public void Attach(ClientConnection client) => _client = client;

    public void Error(string message)
    {
        _stderr.WriteLine("cioidclint: " + message);
        Send(MessageType.Error, message);
    }

    public void Warning(string message) => Send(MessageType.Warning, message);

    public void Info(string message) => Send(MessageType.Info, message);

    /// <summary>A line of <c>$/logTrace</c> about one handled message, when the client asked for traces.</summary>
    public void Trace(string method, TimeSpan elapsed, string? verbose = null)
    {
        var level = TraceLevel;
        if (level == "off" || _client is null)
        {
            return;
        }

        _client.Notify("$/logTrace", new LogTraceParams
        {
            Message = $"{method} handled in {elapsed.TotalMilliseconds:F1} ms",
            Verbose = level == "verbose" ? verbose : null,
        });
    }

    private void Send(int type, string message)
    {
        _client?.Notify("window/logMessage", new LogMessageParams { Type = type, Message = message });
    }
}

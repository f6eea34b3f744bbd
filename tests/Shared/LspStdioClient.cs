using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace CiOidcLint.Testing;

/// <summary>
/// An LSP client over a child process's stdin/stdout, as an editor talks to a language server:
/// Content-Length frames, requests matched to responses by id, notifications kept in arrival
/// order and awaited with a timeout, server-to-client requests answered. It can also write raw
/// bytes, to feed the server malformed input. Shared by the server tests and the benchmark.
/// </summary>
public sealed class LspStdioClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly object _gate = new();
    private readonly Dictionary<long, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly List<JsonObject> _notifications = new();
    private readonly List<(Func<JsonObject, bool> Match, int From, TaskCompletionSource<JsonObject> Done)> _waiters = new();
    private readonly List<JsonObject> _serverRequests = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _reading;
    private long _nextId;

    private LspStdioClient(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _reading = Task.Run(ReadLoopAsync);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Answers server-to-client requests (method, params) → result. Default: null, and the settings for workspace/configuration.</summary>
    public Func<string, JsonNode?, JsonNode?>? OnServerRequest { get; set; }

    /// <summary>What workspace/configuration answers for each item, unless <see cref="OnServerRequest"/> says otherwise.</summary>
    public JsonNode? Settings { get; set; } = new JsonObject();

    /// <summary>Anything on stdout that was not a well-formed frame: a server must print nothing else there.</summary>
    public string? ProtocolViolation { get; private set; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The server's process id, to read its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _notifications.Count;
            }
        }
    }

    public IReadOnlyList<JsonObject> Notifications
    {
        get
        {
            lock (_gate)
            {
                return _notifications.ToList();
            }
        }
    }

    public IReadOnlyList<JsonObject> ServerRequests
    {
        get
        {
            lock (_gate)
            {
                return _serverRequests.ToList();
            }
        }
    }

    /// <summary>Starts <c>fileName arguments…</c> with redirected streams.</summary>
    public static LspStdioClient Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new LspStdioClient(Process.Start(start) ?? throw new InvalidOperationException("cannot start " + fileName));
    }

    public Task<JsonNode?> RequestAsync(string method, object? parameters, TimeSpan? timeout = null)
        => RequestRawAsync(method, parameters, timeout).ContinueWith(
            t =>
            {
                var response = t.Result;
                if (response["error"] is JsonObject error)
                {
                    throw new LspErrorException((int)error["code"]!, (string?)error["message"] ?? string.Empty);
                }

                return response["result"];
            },
            TaskScheduler.Default);

    /// <summary>Sends a request and returns the whole response (result or error).</summary>
    public async Task<JsonObject> RequestRawAsync(string method, object? parameters, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending[id] = done;
        }

        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = ToNode(parameters) }).ConfigureAwait(false);
        return await WithTimeout(done.Task, timeout, $"no response to {method}").ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="before"/> (notifications), a request and its <c>$/cancelRequest</c> in
    /// one write, so the server reads the cancellation while the request's work has barely begun,
    /// however fast it is. Returns the whole response (an error, or the result when it won the race).
    /// </summary>
    public async Task<JsonObject> RequestAndCancelAsync(IEnumerable<JsonObject> before, string method, object? parameters, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending[id] = done;
        }

        var messages = before
            .Append(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = ToNode(parameters) })
            .Append(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/cancelRequest", ["params"] = new JsonObject { ["id"] = id } });
        await SendRawAsync(messages.SelectMany(m => Frame(Encoding.UTF8.GetBytes(m.ToJsonString()))).ToArray()).ConfigureAwait(false);
        return await WithTimeout(done.Task, timeout, $"no response to {method}").ConfigureAwait(false);
    }

    /// <summary>The id the next request will get (to cancel it with $/cancelRequest).</summary>
    public long NextRequestId => Interlocked.Read(ref _nextId) + 1;

    public Task NotifyAsync(string method, object? parameters)
        => SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = ToNode(parameters) });

    public Task SendAsync(JsonObject message) => SendRawAsync(Frame(Encoding.UTF8.GetBytes(message.ToJsonString())));

    public static byte[] Frame(byte[] body) => Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();

    public async Task SendRawAsync(byte[] bytes)
    {
        await _writing.WaitAsync().ConfigureAwait(false);
        try
        {
            await _input.WriteAsync(bytes).ConfigureAwait(false);
            await _input.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The first notification at index <paramref name="from"/> or later that matches, waiting for it when it has not arrived yet.</summary>
    public Task<JsonObject> WaitForNotificationAsync(string method, Func<JsonObject, bool>? match = null, int from = 0, TimeSpan? timeout = null)
    {
        bool Matches(JsonObject n) => (string?)n["method"] == method && (match is null || match((JsonObject?)n["params"] ?? new JsonObject()));
        var done = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var found = _notifications.Skip(from).FirstOrDefault(Matches);
            if (found is not null)
            {
                return Task.FromResult(found);
            }

            _waiters.Add((Matches, from, done));
        }

        return WithTimeout(done.Task, timeout, $"no {method} notification matched");
    }

    /// <summary>Diagnostics published for a URI (optionally at a version), from notification index <paramref name="from"/> on.</summary>
    public async Task<JsonArray> WaitForDiagnosticsAsync(string uri, int? version = null, int from = 0, Func<JsonArray, bool>? match = null, TimeSpan? timeout = null)
    {
        var notification = await WaitForNotificationAsync(
            "textDocument/publishDiagnostics",
            p => (string?)p["uri"] == uri && (version is null || (int?)p["version"] == version) && (match is null || match((JsonArray)p["diagnostics"]!)),
            from,
            timeout).ConfigureAwait(false);
        return (JsonArray)notification["params"]!["diagnostics"]!;
    }

    /// <summary>Closes the server's standard input, as a client that dies does.</summary>
    public void CloseInput()
    {
        _writing.Wait();
        try
        {
            _input.Dispose();
        }
        finally
        {
            _writing.Release();
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("the server did not exit; stderr:\n" + Stderr);
        }

        return _process.ExitCode;
    }

    /// <summary>initialize (with these capabilities and options), then initialized.</summary>
    public async Task<JsonObject> InitializeAsync(string rootPath, JsonObject capabilities, JsonNode? initializationOptions = null, string? trace = null)
    {
        var rootUri = new Uri(rootPath).AbsoluteUri;
        var parameters = new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["capabilities"] = capabilities,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = Path.GetFileName(rootPath) }),
        };
        if (initializationOptions is not null)
        {
            parameters["initializationOptions"] = initializationOptions;
        }

        if (trace is not null)
        {
            parameters["trace"] = trace;
        }

        var result = (JsonObject)(await RequestAsync("initialize", parameters).ConfigureAwait(false))!;
        await NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
        return result;
    }

    public async Task ShutdownAndExitAsync()
    {
        await RequestAsync("shutdown", null).ConfigureAwait(false);
        await NotifyAsync("exit", null).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in between.
            }
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        try
        {
            await _reading.ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The pipe closed under the reader.
        }

        _process.Dispose();
    }

    private static JsonNode? ToNode(object? parameters) => parameters switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(parameters),
    };

    private static async Task<T> WithTimeout<T>(Task<T> task, TimeSpan? timeout, string what)
    {
        var limit = timeout ?? DefaultTimeout;
        if (await Task.WhenAny(task, Task.Delay(limit)).ConfigureAwait(false) != task)
        {
            throw new TimeoutException($"{what} within {limit.TotalSeconds:F0} s");
        }

        return await task.ConfigureAwait(false);
    }

    private async Task ReadLoopAsync()
    {
        var output = _process.StandardOutput.BaseStream;
        var buffer = new MemoryStream();
        var chunk = new byte[65536];
        while (true)
        {
            var message = TryTakeFrame(buffer);
            if (message is not null)
            {
                Dispatch(message);
                continue;
            }

            var read = await output.ReadAsync(chunk).ConfigureAwait(false);
            if (read == 0)
            {
                FailPending();
                return;
            }

            buffer.Seek(0, SeekOrigin.End);
            buffer.Write(chunk, 0, read);
        }
    }

    private JsonObject? TryTakeFrame(MemoryStream buffer)
    {
        var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var headerEnd = data.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            if (data.Length > 0 && !"Content-Length: "u8.StartsWith(data[..Math.Min(data.Length, 16)]) && !data.StartsWith("Content-"u8))
            {
                ProtocolViolation ??= "not a frame: " + Encoding.UTF8.GetString(data[..Math.Min(data.Length, 200)]);
            }

            return null;
        }

        var header = Encoding.ASCII.GetString(data[..headerEnd]);
        var length = -1;
        foreach (var line in header.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (colon < 0 || !line.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                ProtocolViolation ??= "bad header line: " + line;
            }
        }

        if (length < 0)
        {
            ProtocolViolation ??= "frame without Content-Length: " + header;
            length = 0;
        }

        var total = headerEnd + 4 + length;
        if (data.Length < total)
        {
            return null;
        }

        var body = data.Slice(headerEnd + 4, length).ToArray();
        var rest = data[total..].ToArray();
        buffer.SetLength(0);
        buffer.Write(rest);
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException ex)
        {
            ProtocolViolation ??= "frame is not JSON: " + ex.Message;
            return null;
        }
    }

    private void Dispatch(JsonObject message)
    {
        var hasMethod = message.ContainsKey("method");
        var hasId = message.ContainsKey("id") && message["id"] is not null;
        if (hasMethod && hasId)
        {
            lock (_gate)
            {
                _serverRequests.Add(message);
            }

            var method = (string)message["method"]!;
            var result = OnServerRequest is { } answer ? answer(method, message["params"]) : DefaultAnswer(method, message["params"]);
            _ = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = result?.DeepClone() });
        }

        // Server requests are also listed with the notifications, so a test can wait for them the same way.
        if (hasMethod)
        {
            List<TaskCompletionSource<JsonObject>> matched = new();
            lock (_gate)
            {
                _notifications.Add(message);
                var index = _notifications.Count - 1;
                foreach (var waiter in _waiters.ToList())
                {
                    if (index >= waiter.From && waiter.Match(message))
                    {
                        matched.Add(waiter.Done);
                        _waiters.Remove(waiter);
                    }
                }
            }

            foreach (var done in matched)
            {
                done.TrySetResult(message);
            }

            return;
        }

        if (message["id"] is JsonValue id && id.TryGetValue<long>(out var number))
        {
            TaskCompletionSource<JsonObject>? done;
            lock (_gate)
            {
                _pending.Remove(number, out done);
            }

            done?.TrySetResult(message);
            return;
        }

        // A response with id null: an error about a message the server could not read.
        Dispatch(new JsonObject { ["method"] = "(response without id)", ["params"] = message.DeepClone() });
    }

    private JsonNode? DefaultAnswer(string method, JsonNode? parameters)
    {
        if (method == "workspace/configuration")
        {
            var items = parameters?["items"]?.AsArray().Count ?? 1;
            var answer = new JsonArray();
            for (var i = 0; i < items; i++)
            {
                answer.Add(Settings?.DeepClone());
            }

            return answer;
        }

        return null;
    }

    private void FailPending()
    {
        lock (_gate)
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new IOException("the server closed its output"));
            }

            _pending.Clear();
        }
    }
}

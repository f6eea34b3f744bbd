namespace CiOidcLint.LanguageServer.Tests;

/// <summary>A server process on a temporary repository, initialized as an editor would.</summary>
public sealed class Session : IAsyncDisposable
{
    private readonly Dictionary<string, int> _versions = new();

    private Session(TempRepository repository, LspStdioClient client)
    {
        Repository = repository;
        Client = client;
    }

    public TempRepository Repository { get; }

    public LspStdioClient Client { get; }

    public JsonObject InitializeResult { get; private set; } = new();

    public static async Task<Session> StartAsync(JsonObject? capabilities = null, Action<TempRepository>? files = null, JsonNode? initializationOptions = null, JsonNode? settings = null, string? trace = null)
    {
        var repository = new TempRepository();
        files?.Invoke(repository);
        var client = ServerProcess.Start(repository.Root);
        if (settings is not null)
        {
            client.Settings = settings;
        }

        var session = new Session(repository, client);
        session.InitializeResult = await client.InitializeAsync(repository.Root, capabilities ?? Capabilities.Full(), initializationOptions, trace);
        return session;
    }

    /// <summary>Writes the file to disk too (an editor opens what exists) and opens it at version 1.</summary>
    public async Task<string> OpenAsync(string path, string text)
    {
        var uri = Repository.Write(path, text);
        _versions[uri] = 1;
        await Client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
        });
        return uri;
    }

    /// <summary>Replaces the whole text; returns the new version.</summary>
    public Task<int> ChangeAsync(string uri, string text) => SendChangeAsync(uri, new JsonObject { ["text"] = text });

    /// <summary>An incremental change: replaces a range.</summary>
    public Task<int> ChangeAsync(string uri, int startLine, int startCharacter, int endLine, int endCharacter, string text)
        => SendChangeAsync(uri, new JsonObject { ["range"] = Range(startLine, startCharacter, endLine, endCharacter), ["text"] = text });

    public Task CloseAsync(string uri)
        => Client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });

    public static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    public static JsonObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        Repository.Dispose();
    }

    private async Task<int> SendChangeAsync(string uri, JsonObject change)
    {
        var version = _versions.GetValueOrDefault(uri) + 1;
        _versions[uri] = version;
        await Client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(change),
        });
        return version;
    }
}

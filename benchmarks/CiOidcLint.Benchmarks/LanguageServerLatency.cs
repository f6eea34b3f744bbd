using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CiOidcLint.Testing;

namespace CiOidcLint.Benchmarks;

/// <summary>
/// What a user waits for after a keystroke, warm: the median time from <c>textDocument/didChange</c>
/// to the <c>textDocument/publishDiagnostics</c> for that change, over stdio, on a generated
/// 4,092-line pipeline (250 jobs with id_tokens, secrets, extends and scripts). The same edits go
/// to yaml-language-server with GitLab's CI schema as the baseline.
/// <para>
/// Sixty edits warm up both ends before forty are measured: a session in an editor is long, and
/// until the just-in-time compiler has optimised their hot paths (about fifty edits here) the
/// benchmark's own client, parsing each 76 KB diagnostics message, added as much time as the
/// server. <see cref="LanguageServerFirstEdits"/> gives the cold figure beside it.
/// </para>
/// <para>
/// Needs the native executable (<c>CIOIDCLINT_CLI</c>, else published on first use) and
/// <c>npm ci --prefix benchmarks/yaml-language-server</c>. Run:
/// <c>dotnet run -c Release --project benchmarks/CiOidcLint.Benchmarks -- --filter '*LanguageServer*'</c>
/// </para>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 60, iterationCount: 40)]
[MedianColumn]
public class LanguageServerLatency : LanguageServerSession
{
}

/// <summary>
/// The first ten edits after a server has opened the pipeline, before anything is warm: three
/// fresh server processes, no warm-up.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 3, warmupCount: 0, iterationCount: 10)]
[MedianColumn]
public class LanguageServerFirstEdits : LanguageServerSession
{
}

/// <summary>
/// What a user waits for when pointing at a job, warm, on the same pipeline: a hover on job
/// 125's name (its effective ID tokens and secrets) and the code lenses of the whole file. Both
/// answer from the analysis the last edit made, never a new one. cioidclint only (yaml-language-
/// server has no code lens). Run:
/// <c>dotnet run -c Release --project benchmarks/CiOidcLint.Benchmarks -- --filter '*LanguageServerNavigation*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 60, iterationCount: 40)]
[MedianColumn]
public class LanguageServerNavigation : LanguageServerSession
{
    public override string[] Servers => new[] { "cioidclint" };

    [Benchmark]
    public Task HoverOnJobName()
        => Client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["position"] = new JsonObject { ["line"] = JobLine, ["character"] = 2 },
        });

    [Benchmark]
    public Task CodeLensOfTheFile()
        => Client.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
}

/// <summary>One editor session: a server over stdio with the generated pipeline open, edited one keystroke at a time.</summary>
public abstract class LanguageServerSession
{
    private LspStdioClient _client = null!;
    private string _uri = string.Empty;
    private string _text = string.Empty;
    private string _folder = string.Empty;
    private int _version;
    private int _editLine;

    [ParamsSource(nameof(Servers))]
    public string Server { get; set; } = "cioidclint";

    /// <summary>The servers compared: ours, and yaml-language-server as the baseline.</summary>
    public virtual string[] Servers => new[] { "cioidclint", "yaml-language-server" };

    protected LspStdioClient Client => _client;

    protected string Uri => _uri;

    /// <summary>The line of job 125's name, the job every benchmark edits.</summary>
    protected int JobLine { get; private set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One keystroke in job 125's script, alternating between two texts so every edit changes the document.</summary>
    [Benchmark]
    public async Task EditToDiagnostics()
    {
        _version++;
        var from = _client.Count;
        var text = _version % 2 == 0 ? "d" : "D";
        await _client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = _uri, ["version"] = _version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = Range(_editLine, 11, _editLine, 12),
                ["text"] = text,
            }),
        });

        // yaml-language-server does not echo versions: the first publish after the change is its answer.
        await _client.WaitForNotificationAsync(
            "textDocument/publishDiagnostics",
            p => (string?)p["uri"] == _uri && ((int?)p["version"] is null || (int?)p["version"] == _version),
            from,
            TimeSpan.FromSeconds(60));
    }

    private async Task SetupAsync()
    {
        var root = RepositoryRoot();
        _folder = Path.Combine(Path.GetTempPath(), "cioidclint-latency-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(_folder, ".git"));
        _text = GeneratedPipeline.Create(jobs: 250);
        var path = Path.Combine(_folder, ".gitlab-ci.yml");
        File.WriteAllText(path, _text);
        _uri = new Uri(path).AbsoluteUri;
        var lines = _text.Split('\n');
        _editLine = Array.IndexOf(lines, "    - echo deploying 125");
        JobLine = Enumerable.Range(0, _editLine).Last(i => lines[i].Length > 0 && lines[i][0] is not ' ' and not '#');
        Console.WriteLine($"// the pipeline has {lines.Length} lines; job 125's name is on line {JobLine + 1}");

        var schema = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "schema", "ci.json"));
        if (Server == "cioidclint")
        {
            var (program, prefix) = NativeCli.Command;
            _client = LspStdioClient.Start(program, prefix.Append("server"), _folder);
        }
        else
        {
            var server = Path.Combine(root, "benchmarks", "yaml-language-server", "node_modules", "yaml-language-server", "bin", "yaml-language-server");
            _client = LspStdioClient.Start("node", new[] { server, "--stdio" }, _folder);
            var yaml = new JsonObject
            {
                ["validate"] = true,
                ["schemas"] = new JsonObject { [new Uri(schema).AbsoluteUri] = new JsonArray("*.gitlab-ci.yml", ".gitlab-ci.yml") },
                ["customTags"] = new JsonArray("!reference sequence"),
                ["schemaStore"] = new JsonObject { ["enable"] = false },
            };
            _client.OnServerRequest = (method, parameters) => method == "workspace/configuration"
                ? new JsonArray(((JsonArray?)parameters?["items"] ?? new JsonArray()).Select(i => (string?)i?["section"] == "yaml" ? yaml.DeepClone() : (JsonNode?)null).ToArray())
                : null;
        }

        var capabilities = new JsonObject
        {
            ["workspace"] = new JsonObject { ["configuration"] = true, ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = false } },
            ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true } },
        };
        await _client.InitializeAsync(_folder, capabilities);
        if (Server != "cioidclint")
        {
            await _client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
            {
                ["settings"] = new JsonObject
                {
                    ["yaml"] = ((JsonArray?)_client.OnServerRequest!("workspace/configuration", new JsonObject { ["items"] = new JsonArray(new JsonObject { ["section"] = "yaml" }) }))![0]!.DeepClone(),
                },
            });
        }

        var from = _client.Count;
        _version = 1;
        await _client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = _uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = _text },
        });
        await _client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == _uri, from, TimeSpan.FromSeconds(120));
    }

    protected static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    private static string RepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "CiOidcLint.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("cannot find CiOidcLint.sln above " + AppContext.BaseDirectory);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CiOidcLint.Testing;

namespace CiOidcLint.Benchmarks;

/// <summary>
/// The native executable against the tools users compare it with, side by side in one run:
/// <list type="bullet">
/// <item><c>cioidclint check</c> and <c>yamllint</c> on a typical pipeline and on gitlab-runner's
/// multi-file pipeline: paired runs in alternating order, wall time and peak RSS;</item>
/// <item>the language server: <c>initialize</c> to the first <c>publishDiagnostics</c> on the
/// generated 250-job pipeline, and its memory with every pipeline of the real-world corpus open;</item>
/// <item>check time and memory against pipeline size (1k to 64k lines) for both tools, as a table
/// and an SVG plot (<c>--plot docs/images/check-scaling.svg</c>).</item>
/// </list>
/// Warm edit latency against yaml-language-server is <see cref="LanguageServerLatency"/>.
/// Processes, not methods, are measured, so this is a plain loop rather than BenchmarkDotNet:
/// <c>dotnet run -c Release --project benchmarks/CiOidcLint.Benchmarks -- native [--pairs N] [--plot FILE]</c>.
/// Needs yamllint and GNU time (Debian packages yamllint, time) and the native executable
/// (<c>CIOIDCLINT_CLI</c>, else published on first use).
/// </summary>
public static class NativeComparison
{
    private static readonly int[] ScalingLines = { 1_000, 4_000, 16_000, 64_000 };

    public static async Task<int> RunAsync(string[] args)
    {
        var pairs = IntOption(args, "--pairs", 31);
        var plot = StringOption(args, "--plot");
        var yamllint = Which("yamllint") ?? throw new InvalidOperationException("yamllint is not installed (apt-get install yamllint)");
        var gnuTime = File.Exists("/usr/bin/time") ? "/usr/bin/time" : throw new InvalidOperationException("GNU time is not installed (apt-get install time)");
        var root = NativeCli.RepositoryRoot;
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        var (cli, prefix) = NativeCli.Command;
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        Say($"# cioidclint {(NativeCli.IsNative ? "native" : "JIT")} ({cli}) against {Version(yamllint, "--version")}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        Say(string.Empty);
        Say($"## check against yamllint: {pairs} paired runs each (order alternating), medians");
        Say(string.Empty);
        Say("| pipeline | lines | cioidclint | yamllint | ratio (median of pairs) | cioidclint peak RSS | yamllint peak RSS |");
        Say("|---|---:|---:|---:|---:|---:|---:|");

        var typical = Path.Combine(root, "samples", "vault-login");
        var cases = new List<(string Name, string Folder, string[] Ours, string[] Theirs)>
        {
            ("typical: samples/vault-login", typical, new[] { "check", ".gitlab-ci.yml" }, new[] { ".gitlab-ci.yml" }),
        };
        var runner = Path.Combine(shared, "corpus", "gitlab-runner-pipeline");
        if (Directory.Exists(runner))
        {
            var files = new[] { ".gitlab-ci.yml" }.Concat(Directory.EnumerateFiles(Path.Combine(runner, ".gitlab", "ci"), "*.yml").Select(f => Path.GetRelativePath(runner, f)).OrderBy(f => f, StringComparer.Ordinal)).ToArray();
            cases.Add(("gitlab-runner (multi-file)", runner, new[] { "check" }, files));
        }

        foreach (var (name, folder, ours, theirs) in cases)
        {
            var lines = YamlLines(folder, theirs);
            var ourCommand = new Command(cli, prefix.Concat(ours).ToArray(), folder);
            var theirCommand = new Command(yamllint, theirs, folder);
            var (ourTime, theirTime, ratio) = Paired(ourCommand, theirCommand, pairs);
            var ourRss = PeakRss(gnuTime, ourCommand, 11);
            var theirRss = PeakRss(gnuTime, theirCommand, 11);
            Say($"| {name} | {lines:N0} | {Ms(ourTime)} | {Ms(theirTime)} | {ratio:0.000}x | {MiB(ourRss)} | {MiB(theirRss)} |");
        }

        Say(string.Empty);
        Say("## language server");
        Say(string.Empty);
        var generated = GeneratedPipeline.Create(jobs: 250);
        var firstDiagnostics = new List<double>();
        var fromSpawn = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var (spawned, initialized) = await FirstDiagnosticsAsync(cli, prefix, generated);
            fromSpawn.Add(spawned);
            firstDiagnostics.Add(initialized);
        }

        Say($"- `initialize` → first `publishDiagnostics` on the generated {generated.Split('\n').Length - 1:N0}-line pipeline (didOpen right after `initialized`), 10 fresh servers: median {Median(firstDiagnostics):0.0} ms (max {firstDiagnostics.Max():0.0} ms); from process start {Median(fromSpawn):0.0} ms.");
        var realworld = Path.Combine(shared, "corpus", "realworld");
        if (Directory.Exists(realworld))
        {
            var (count, rss, hwm) = await MemoryWithEverythingOpenAsync(cli, prefix, realworld);
            Say($"- memory with all {count} pipelines of corpus/realworld open and analysed: {rss / 1024.0:0.0} MiB RSS (peak {hwm / 1024.0:0.0} MiB).");
        }

        Say(string.Empty);
        Say("## check time and memory against pipeline size (generated pipelines, 5 runs each, medians)");
        Say(string.Empty);
        Say("| lines | cioidclint | yamllint | ratio | cioidclint peak RSS | yamllint peak RSS |");
        Say("|---:|---:|---:|---:|---:|---:|");
        var scaling = new List<ScalingPoint>();
        var scratch = Directory.CreateTempSubdirectory("cioidclint-scaling-").FullName;
        try
        {
            foreach (var target in ScalingLines)
            {
                // 16 lines a job after 92 lines of templates.
                var text = GeneratedPipeline.Create(jobs: Math.Max(1, (int)Math.Round((target - 92) / 16.0)));
                var folder = Path.Combine(scratch, target.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(Path.Combine(folder, ".git"));
                File.WriteAllText(Path.Combine(folder, ".gitlab-ci.yml"), text);
                var ourCommand = new Command(cli, prefix.Concat(new[] { "check", ".gitlab-ci.yml" }).ToArray(), folder);
                var theirCommand = new Command(yamllint, new[] { ".gitlab-ci.yml" }, folder);
                var (ourTime, theirTime, ratio) = Paired(ourCommand, theirCommand, 5);
                var point = new ScalingPoint(text.Split('\n').Length - 1, ourTime, theirTime, PeakRss(gnuTime, ourCommand, 3), PeakRss(gnuTime, theirCommand, 3));
                scaling.Add(point);
                Say($"| {point.Lines:N0} | {Ms(point.OurTime)} | {Ms(point.TheirTime)} | {ratio:0.000}x | {MiB(point.OurRss)} | {MiB(point.TheirRss)} |");
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        if (plot is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(plot))!);
            File.WriteAllText(plot, ScalingPlot.Svg(scaling));
            Say(string.Empty);
            Say($"Plot: {plot}");
        }

        var output = Path.Combine(root, "artifacts", "benchmarks", "native.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, report.ToString());
        return 0;
    }

    /// <summary>Runs both commands <paramref name="pairs"/> times, alternating which goes first; medians of each and of the per-pair ratio.</summary>
    private static (double Ours, double Theirs, double Ratio) Paired(Command ours, Command theirs, int pairs)
    {
        for (var i = 0; i < 3; i++)
        {
            ours.Time();
            theirs.Time();
        }

        var ourTimes = new List<double>();
        var theirTimes = new List<double>();
        var ratios = new List<double>();
        for (var i = 0; i < pairs; i++)
        {
            double a, b;
            if (i % 2 == 0)
            {
                a = ours.Time();
                b = theirs.Time();
            }
            else
            {
                b = theirs.Time();
                a = ours.Time();
            }

            ourTimes.Add(a);
            theirTimes.Add(b);
            ratios.Add(a / b);
        }

        return (Median(ourTimes), Median(theirTimes), Median(ratios));
    }

    /// <summary>The median peak resident set size in KiB, from GNU time's %M, over <paramref name="runs"/> runs.</summary>
    private static double PeakRss(string gnuTime, Command command, int runs)
    {
        var values = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var output = Path.GetTempFileName();
            try
            {
                var args = new[] { "-f", "%M", "-o", output, command.FileName }.Concat(command.Arguments).ToArray();
                new Command(gnuTime, args, command.WorkingDirectory).Time();
                values.Add(double.Parse(File.ReadAllText(output).Trim().Split('\n').Last(), CultureInfo.InvariantCulture));
            }
            finally
            {
                File.Delete(output);
            }
        }

        return Median(values);
    }

    /// <summary>A fresh server: (ms from process start, ms from sending initialize) to the first diagnostics of the opened pipeline.</summary>
    private static async Task<(double FromSpawn, double FromInitialize)> FirstDiagnosticsAsync(string cli, IReadOnlyList<string> prefix, string text)
    {
        var folder = Directory.CreateTempSubdirectory("cioidclint-first-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, ".git"));
            var path = Path.Combine(folder, ".gitlab-ci.yml");
            File.WriteAllText(path, text);
            var uri = new Uri(path).AbsoluteUri;
            var spawned = Stopwatch.StartNew();
            await using var client = LspStdioClient.Start(cli, prefix.Append("server"), folder);
            var initializing = Stopwatch.StartNew();
            await client.InitializeAsync(folder, new JsonObject { ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true } } });
            await client.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
            });
            await client.WaitForDiagnosticsAsync(uri, version: 1);
            var result = (spawned.Elapsed.TotalMilliseconds, initializing.Elapsed.TotalMilliseconds);
            await client.ShutdownAndExitAsync();
            return result;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Opens every file of the folder in one server and reads its RSS and peak RSS (KiB) once all are analysed.</summary>
    private static async Task<(int Count, double Rss, double Peak)> MemoryWithEverythingOpenAsync(string cli, IReadOnlyList<string> prefix, string corpus)
    {
        var folder = Directory.CreateTempSubdirectory("cioidclint-memory-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, ".git"));
            var files = Directory.EnumerateFiles(corpus).Where(f => !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).ToList();
            await using var client = LspStdioClient.Start(cli, prefix.Append("server"), folder);
            await client.InitializeAsync(folder, new JsonObject { ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true } } });
            var uris = new List<string>();
            foreach (var (file, index) in files.Select((f, i) => (f, i)))
            {
                // Each pipeline as the root file of a folder of its own, as it is in its repository.
                var target = Path.Combine(folder, $"p{index:D2}", ".gitlab-ci.yml");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var text = File.ReadAllText(file);
                File.WriteAllText(target, text);
                var uri = new Uri(target).AbsoluteUri;
                uris.Add(uri);
                await client.NotifyAsync("textDocument/didOpen", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
                });
            }

            foreach (var uri in uris)
            {
                await client.WaitForDiagnosticsAsync(uri, version: 1, timeout: TimeSpan.FromSeconds(120));
            }

            var status = File.ReadAllLines($"/proc/{client.ProcessId}/status");
            double Field(string name) => double.Parse(status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            var result = (files.Count, Field("VmRSS"), Field("VmHWM"));
            await client.ShutdownAndExitAsync();
            return result;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int YamlLines(string folder, IEnumerable<string> files)
        => files.Sum(f => File.ReadAllLines(Path.Combine(folder, f)).Length);

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Ms(double ms) => ms < 100 ? $"{ms:0.0} ms" : $"{ms:N0} ms";

    private static string MiB(double kib) => $"{kib / 1024:0.0} MiB";

    private static string? Which(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static string Version(string program, string flag)
    {
        var start = new ProcessStartInfo(program, flag) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return text.Trim();
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var value = StringOption(args, name);
        return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
    }

    private static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>One program run: its wall time, from start to exit, with output discarded.</summary>
    private sealed record Command(string FileName, string[] Arguments, string WorkingDirectory)
    {
        public double Time()
        {
            var start = new ProcessStartInfo(FileName)
            {
                WorkingDirectory = WorkingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in Arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            watch.Stop();
            _ = stdout.Result + stderr.Result;
            if (process.ExitCode > 1)
            {
                throw new InvalidOperationException($"{FileName} {string.Join(' ', Arguments)} exited {process.ExitCode}: {stderr.Result}");
            }

            return watch.Elapsed.TotalMilliseconds;
        }
    }
}

/// <summary>One size of the scaling run: wall times in ms, peak RSS in KiB.</summary>
public sealed record ScalingPoint(int Lines, double OurTime, double TheirTime, double OurRss, double TheirRss);

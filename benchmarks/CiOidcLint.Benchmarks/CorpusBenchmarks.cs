using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.Analysis.Workspace;
using YamlDotNet.Core;

namespace CiOidcLint.Benchmarks;

/// <summary>
/// YAML parsing alone against the full analysis, over every YAML file of the shared corpus,
/// so the cost of everything above the parser stays visible. Files are in memory: no disk I/O.
/// </summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private IReadOnlyList<(string Path, string Text)> _files = null!;
    private InMemoryFileSystem _fileSystem = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = CorpusFiles.Load();
        _fileSystem = new InMemoryFileSystem(_files.Select(f => new KeyValuePair<string, string>(f.Path, f.Text)));
    }

    /// <summary>YamlDotNet's event parser and nothing else: the floor.</summary>
    [Benchmark(Baseline = true)]
    public int YamlDotNetEvents()
    {
        var events = 0;
        foreach (var (_, text) in _files)
        {
            try
            {
                var parser = new Parser(new StringReader(text));
                while (parser.MoveNext())
                {
                    events++;
                }
            }
            catch (System.Exception)
            {
                // Some corpus files are deliberately broken; the cost up to the error counts.
            }
        }

        return events;
    }

    /// <summary>Our syntax layer: located nodes, anchors, merge keys, duplicate keys.</summary>
    [Benchmark]
    public int SyntaxTrees()
    {
        var nodes = 0;
        foreach (var (path, text) in _files)
        {
            nodes += SyntaxFile.Parse(path, text).Problems.Length + 1;
        }

        return nodes;
    }

    /// <summary>Every file as a pipeline root: includes, extends, references, default, every rule.</summary>
    [Benchmark]
    public int FullAnalysis()
    {
        var analysis = new RepositoryAnalysis(_fileSystem);
        var findings = 0;
        foreach (var (path, _) in _files)
        {
            findings += analysis.AnalyzePipeline(path)?.Findings.Length ?? 0;
        }

        return findings;
    }
}

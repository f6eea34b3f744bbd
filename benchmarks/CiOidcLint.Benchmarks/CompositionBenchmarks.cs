using System.Linq;
using BenchmarkDotNet.Attributes;
using CiOidcLint.Analysis.Pipeline;

namespace CiOidcLint.Benchmarks;

/// <summary>
/// Composing a job whose <c>!reference</c>s fan out eight ways on each of nine levels (8^9
/// lines, were they all expanded): the script line cap keeps it linear. At depth 5 and 9 the time
/// should grow with the lines kept, not with the references. (JobCompositionTests checks the cap.)
/// </summary>
[MemoryDiagnoser]
public class CompositionBenchmarks
{
    [Params(5, 9)]
    public int Levels { get; set; }

    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
        => _text = ".l0:\n  script: [echo]\n" + string.Concat(Enumerable.Range(1, Levels).Select(i =>
            $".l{i}:\n  script:\n" + string.Concat(Enumerable.Repeat($"    - !reference [.l{i - 1}, script]\n", 8)))) + $"job:\n  script: [!reference [.l{Levels}, script]]\n";

    [Benchmark]
    public int ComposeFanOut()
    {
        var files = new InMemoryFileSystem();
        files.Add(".gitlab-ci.yml", _text);
        return new PipelineBuilder(files).Build(".gitlab-ci.yml").FindJob("job")!.ScriptLines.Length;
    }
}

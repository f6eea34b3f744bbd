using System.Linq;
using BenchmarkDotNet.Attributes;
using CiOidcLint.Analysis.Shell;

namespace CiOidcLint.Benchmarks;

/// <summary>
/// The shell parser on pathological repetition, at two sizes: linear work doubles from 100k to
/// 200k characters, quadratic work quadruples. (Unit tests check correctness on these inputs.)
/// </summary>
[MemoryDiagnoser]
public class ShellBenchmarks
{
    [Params("\"$(", "$(( $(", "case x in ", "<<E\n", "((a) ", "'")]
    public string Unit { get; set; } = "(";

    [Params(100_000, 200_000)]
    public int Length { get; set; }

    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup() => _text = string.Concat(Enumerable.Repeat(Unit, Length / Unit.Length));

    [Benchmark]
    public int ParseRepetition() => ShellParser.Parse(_text).Commands.Length + VariableScanner.Find(_text).Length;
}

using System.Linq;
using BenchmarkDotNet.Running;
using CiOidcLint.Benchmarks;

// dotnet run -c Release --project benchmarks/CiOidcLint.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/CiOidcLint.Benchmarks -- native [--pairs N] [--plot FILE]
if (args.FirstOrDefault() == "native")
{
    return await NativeComparison.RunAsync(args.Skip(1).ToArray());
}

BenchmarkSwitcher.FromAssembly(typeof(CorpusBenchmarks).Assembly).Run(args);
return 0;

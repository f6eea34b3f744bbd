using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/CiOidcLint.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CiOidcLint.Benchmarks.CorpusBenchmarks).Assembly).Run(args);

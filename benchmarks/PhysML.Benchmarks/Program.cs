using BenchmarkDotNet.Running;
using PhysML.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/PhysML.Benchmarks -- --filter '*Ecs*'
BenchmarkSwitcher.FromAssembly(typeof(EcsUpdateBenchmarks).Assembly).Run(args, BenchmarkConfig.Create(args));

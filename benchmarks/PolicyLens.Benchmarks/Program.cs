using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*'
// The batch path (ingest, tag, store many plans) is timed as one run, not by BenchmarkDotNet:
// dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --batch [plans] [pages]
// The Flemish import and the compare page for 245 plans on the real BBC export, also one timed run:
// dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --bbc [folder] [repetitions]
if (args is ["--batch", ..]) return PolicyLens.Benchmarks.BatchRun.Run(args[1..]);
if (args is ["--bbc", ..]) return PolicyLens.Benchmarks.BbcRun.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

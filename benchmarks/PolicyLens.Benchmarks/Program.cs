using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*'
// The batch path (ingest, tag, store many plans) is timed as one run, not by BenchmarkDotNet:
// dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --batch [plans] [pages]
if (args is ["--batch", ..]) return PolicyLens.Benchmarks.BatchRun.Run(args[1..]);
// The attack run of issue 17 against a real server process (hostile HTML, large uploads, memory):
// dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --attack [uploadMegabytes] [uploads]
if (args is ["--attack", ..]) return await PolicyLens.Benchmarks.AttackRun.Run(args[1..]);
// The whole CLI as a user starts it (.NET start-up included) against bare pdftotext, as wall-clock ratios:
// dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --pdf-wall [pages] [rounds]
if (args is ["--pdf-wall", ..]) return PolicyLens.Benchmarks.PdfWallClock.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

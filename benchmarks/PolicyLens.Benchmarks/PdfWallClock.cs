using System.Diagnostics;
using System.Globalization;

namespace PolicyLens.Benchmarks;

/// <summary>
/// Wall-clock time of whole processes on one long plan (default 600 pages, 120 copies of
/// tests/fixtures/pdf/plan.pdf): bare <c>pdftotext</c>, <c>policylens extract --format json</c>
/// (poppler engine, .NET start-up included) and the same with poppler hidden so the PdfPig worker
/// reads it. The rounds alternate the variants, so load on the machine hits them alike; the
/// result is the ratio of medians against pdftotext (goal ≤ 1.5, limit 2). On Linux the CPU
/// time of each variant (its process and every process it waited for) is reported too: on a
/// machine shared with other work the wall time follows the load, the CPU time does not.
/// Needs a built CLI: dotnet build -c Release src/PolicyLens.Cli.
/// </summary>
internal static class PdfWallClock
{
    public static int Run(string[] args)
    {
        var pages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var root = PdfExtractionBenchmarks.RepoRoot();
        var cli = new[] { "Release", "Debug" }.Select(c => Path.Combine(root, "src", "PolicyLens.Cli", "bin", c, "net10.0", "policylens")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Build the CLI first: dotnet build -c Release src/PolicyLens.Cli");
        var dir = Directory.CreateTempSubdirectory("policylens-pdf-wall-").FullName;
        try
        {
            var pdf = Path.Combine(dir, $"plan-{pages}.pdf");
            var all = Path.Combine(dir, "all.pdf");
            var plan = Path.Combine(root, "tests", "fixtures", "pdf", "plan.pdf");
            PdfExtractionBenchmarks.Run("qpdf", ["--empty", "--pages", .. Enumerable.Repeat(plan, (pages + 4) / 5), "--", all]);
            PdfExtractionBenchmarks.Run("qpdf", ["--empty", "--pages", all, $"1-{pages}", "--", pdf]);
            var noPoppler = new Dictionary<string, string> { ["PolicyLens__PopplerPath"] = Path.Combine(dir, "no-poppler") };
            var variants = new (string Name, string Exe, string[] Args, Dictionary<string, string>? Env)[]
            {
                ("bare pdftotext", "pdftotext", [pdf, "-"], null),
                ("policylens extract (poppler)", cli, ["extract", pdf, "--format", "json"], null),
                ("policylens extract (PdfPig worker)", cli, ["extract", pdf, "--format", "json"], noPoppler),
            };
            var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>());
            foreach (var v in variants) Time(v.Exe, v.Args, v.Env);   // warm-up: disk cache, JIT of the tools
            for (var r = 0; r < rounds; r++)
                foreach (var v in variants)
                {
                    var before = ChildCpuSeconds();
                    times[v.Name].Add(Time(v.Exe, v.Args, v.Env));
                    cpu[v.Name].Add(ChildCpuSeconds() - before);
                }
            var baseline = Median(times[variants[0].Name]);
            var cpuBaseline = Median(cpu[variants[0].Name]);
            Console.WriteLine($"{pages}-page plan, {rounds} rounds, {Environment.ProcessorCount} cores");
            Console.WriteLine("| variant | median wall time (s) | wall ratio to pdftotext | median CPU time (s) | CPU ratio to pdftotext |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var v in variants)
                Console.WriteLine(cpuBaseline > 0
                    ? $"| {v.Name} | {Median(times[v.Name]):0.00} | {Median(times[v.Name]) / baseline:0.00} | {Median(cpu[v.Name]):0.00} | {Median(cpu[v.Name]) / cpuBaseline:0.00} |"
                    : $"| {v.Name} | {Median(times[v.Name]):0.00} | {Median(times[v.Name]) / baseline:0.00} | n/a | n/a |");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double Time(string exe, string[] args, Dictionary<string, string>? env)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.BaseStream.CopyTo(Stream.Null);
        p.WaitForExit();
        watch.Stop();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{exe} {string.Join(' ', args)} failed: {err.Result}");
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>User + system time of the waited-for children (Linux /proc; 0 elsewhere, then no CPU column).</summary>
    private static double ChildCpuSeconds()
    {
        if (!File.Exists("/proc/self/stat")) return 0;
        var stat = File.ReadAllText("/proc/self/stat");
        // Fields after the command name in parentheses; cutime and cstime are fields 16 and 17.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return ticks / 100.0;   // USER_HZ is 100 on Linux
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

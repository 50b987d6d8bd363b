using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using PolicyLens.Documents;
using PolicyLens.Readers.Pdf;

namespace PolicyLens.Benchmarks;

/// <summary>
/// The whole PDF read (poppler processes + XML streaming + layout analysis) against bare
/// <c>pdftotext</c> on the same long plan, in the same run. Goal: Ratio ≤ 1.5, and a peak working
/// set under 300 MB for 600 pages (printed at the end as "PeakWorkingSet").
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*PdfExtraction*'
/// The 600-page file is built at setup by concatenating tests/fixtures/pdf/plan.pdf with qpdf
/// (too large to commit; tests/fixtures/pdf/make-fixtures.sh big 600 builds the same file).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 6)]
public class PdfExtractionBenchmarks
{
    [Params(600)]
    public int Pages { get; set; }

    private string _dir = "";
    private string _pdf = "";
    private readonly PdfReader _reader = new();

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("policylens-pdf-bench-").FullName;
        _pdf = Path.Combine(_dir, $"plan-{Pages}.pdf");
        var plan = Path.Combine(RepoRoot(), "tests", "fixtures", "pdf", "plan.pdf");
        var copies = (Pages + 4) / 5;   // plan.pdf has 5 pages
        var all = Path.Combine(_dir, "all.pdf");
        Run("qpdf", ["--empty", "--pages", .. Enumerable.Repeat(plan, copies), "--", all]);
        Run("qpdf", ["--empty", "--pages", all, $"1-{Pages}", "--", _pdf]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// PeakWorkingSet of the benchmark process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB");
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "bare pdftotext")]
    public long Pdftotext()
    {
        var psi = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(_pdf);
        psi.ArgumentList.Add("-");
        using var p = Process.Start(psi)!;
        // Read the text like a caller would, without keeping it.
        var buffer = new char[65536];
        long total = 0;
        int read;
        while ((read = p.StandardOutput.Read(buffer, 0, buffer.Length)) > 0) total += read;
        p.WaitForExit();
        return total;
    }

    [Benchmark(Description = "PdfPig worker (embedded engine)")]
    public int PdfPigWorker()
    {
        var output = new PdfReader(null, new PdfPigWorkerSource()).Read(new DocumentSource(_pdf), Documents.DocumentFormat.Pdf);
        if (output.Issues.Count > 0) throw new InvalidOperationException(output.Issues[0].Message);
        return output.Blocks.Count;
    }

    [Benchmark(Description = "PolicyLens PdfReader")]
    public int PdfReader()
    {
        var output = _reader.Read(new DocumentSource(_pdf), Documents.DocumentFormat.Pdf);
        if (output.Issues.Count > 0) throw new InvalidOperationException(output.Issues[0].Message);
        return output.Blocks.Count;
    }

    internal static void Run(string tool, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {err}");
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        // BenchmarkDotNet runs the benchmark from a generated project under bin/; fall back to the working directory.
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("PolicyLens.sln not found; run the benchmark from the repository.");
    }
}

extern alias web;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Passages;
using PolicyLens.Storage;
using PolicyLens.Tagging;
using web::PolicyLens.Web.Infrastructure;

namespace PolicyLens.Benchmarks;

/// <summary>
/// Server time of the web pages that grow with the data: the report of a 300-page plan (goal
/// &lt; 200 ms) and the comparison of 300 plans (goal &lt; 1 s), measured as a full request through
/// the ASP.NET Core pipeline in-process (routing, page model, Razor rendering; no network).
/// "Warm" means the plan analyses are cached, as after the first view; "cold" includes loading
/// the passages from SQLite and analysing them.
/// The 300-page plan is the demo plans' Markdown sources repeated to ~6,000 passages with 20
/// passages per page; the 300 plans are the three sources with a distinct line each.
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*WebRender*'
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class WebRenderBenchmarks
{
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
    }

    private sealed class App(string dataFolder, string root) : WebApplicationFactory<CoverageService>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("PolicyLens:DatabasePath", Path.Join(dataFolder, "bench.db"));
            builder.UseSetting("PolicyLens:RulesPath", Path.Join(root, "rules"));
            builder.UseSetting("PolicyLens:DemoData", "false");
            builder.UseEnvironment("Production");
        }
    }

    private string _dataFolder = null!;
    private App _app = null!;
    private HttpClient _client = null!;
    private CoverageService _coverage = null!;
    private long _bigPlan;
    private string _cellUrl = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        _dataFolder = Path.Join(Path.GetTempPath(), "policylens-bench-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataFolder);
        // The factory looks for the app's content root next to the solution; tell it where it is.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_POLICYLENS_WEB", Path.Join(root, "src", "PolicyLens.Web"));
        _app = new App(_dataFolder, root);
        _client = _app.CreateClient();
        var services = _app.Services;
        _coverage = services.GetRequiredService<CoverageService>();
        var library = services.GetRequiredService<PlanLibrary>();
        var sources = Directory.GetFiles(Path.Join(root, "seeds", "src"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

        _bigPlan = StoreBigPlan(library, sources);
        var files = Path.Join(_dataFolder, "plans");
        Directory.CreateDirectory(files);
        for (var i = 0; i < 299; i++)
        {
            var path = Path.Join(files, $"plan-{i:000}.md");
            File.WriteAllText(path, sources[i % sources.Length] + $"\n\nDit plan heeft volgnummer {i}.\n");
            var outcome = library.IngestFile(new DocumentSource(path), $"Gemeente {i}");
            if (!outcome.Succeeded) throw new InvalidOperationException(outcome.Error);
        }
        var plan = _coverage.Get(_bigPlan)!.Coverage;
        var cell = plan.ElementByLevel.Cells.OrderByDescending(c => c.Passages).First();
        _cellUrl = $"/documenten/{_bigPlan}?matrix=level&rij={cell.RowLabel}&kolom={cell.ColumnLabel}";
        Console.WriteLine($"// big plan: {plan.Passages.Count} passages, {plan.Plan.PageCount} pages; documents: {services.GetRequiredService<IPlanStore>().Status().Documents}");
        // Warm up the caches and check the pages work.
        foreach (var url in new[] { $"/documenten/{_bigPlan}", _cellUrl, "/vergelijken" })
            if (!_client.GetAsync(url).Result.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url} failed");
    }

    /// <summary>The sources repeated under numbered chapters to ~6,000 passages; 20 passages a page, so 300 pages.</summary>
    private static long StoreBigPlan(PlanLibrary library, string[] sources)
    {
        var text = new StringBuilder("# Meerjarenplan 2026-2031 Gemeente Grootstad\n\n");
        var chapter = 0;
        while (text.Length < 900_000)
            foreach (var source in sources)
                text.Append($"# Hoofdstuk {++chapter}\n\n").Append(source.Replace("\n# ", "\n## ", StringComparison.Ordinal).TrimStart('#', ' ')).Append("\n\n");
        var path = Path.Join(Path.GetTempPath(), $"grootstad-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, text.ToString());
        var ingestor = PolicyLens.Readers.Documents.DefaultReaders.CreateIngestor();
        var read = ingestor.Ingest(new DocumentSource(path));
        File.Delete(path);
        var perPage = Math.Max(1, read.Passages.Count / 300);
        var paged = read.Passages.Select(p => new Passage(p.Ordinal, p.Kind, p.Text, p.Ordinal / perPage + 1, p.Headings, p.Start)).ToArray();
        var doc = read.Document!;
        var ingestion = new IngestionResult(read.FileName, new PlanDocument(doc.Title, "grootstad-meerjarenplan.pdf", PolicyLens.Documents.DocumentFormat.Pdf, paged[^1].Page,
            doc.ContentHash, doc.SizeBytes), paged, read.Issues, read.PlainText);
        var tagger = library.Tagger;
        var tagged = paged.Select(p => new TaggedPassage(p, tagger.Tag(new TaggingInput(p.Text, p.Headings)))).ToArray();
        return library.Store.Save(ingestion, tagged, "Grootstad", AnalysisRunInfo.For(tagger)).DocumentId;
    }

    [Benchmark(Description = "Report, 300-page plan (warm)")]
    public int ReportWarm() => Get($"/documenten/{_bigPlan}");

    [Benchmark(Description = "Report, 300-page plan, heatmap cell evidence (warm)")]
    public int ReportCellEvidence() => Get(_cellUrl);

    [Benchmark(Description = "Report, 300-page plan (cold: load + analyse + render)")]
    public int ReportCold()
    {
        _coverage.Forget(_bigPlan);
        return Get($"/documenten/{_bigPlan}");
    }

    [Benchmark(Description = "Compare 300 plans (warm)")]
    public int CompareWarm() => Get("/vergelijken");

    [Benchmark(Description = "Compare 300 plans (cold: load + analyse + render)")]
    public int CompareCold()
    {
        _coverage.Clear();
        return Get("/vergelijken");
    }

    private int Get(string url)
    {
        var response = _client.GetAsync(url).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return response.Content.ReadAsStringAsync().GetAwaiter().GetResult().Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}

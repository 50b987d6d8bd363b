using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Rules;
using PolicyLens.Storage;
using PolicyLens.Tagging;

namespace PolicyLens.Benchmarks;

/// <summary>
/// The SQLite store on a generated 300-page plan (see <see cref="DocxExtractionBenchmarks"/>),
/// read and tagged once with the repository's rules: <see cref="Save"/> into a fresh database
/// file, <see cref="LoadPlan"/> of the stored plan (what the web report's first view and every
/// plan of a comparison read), and load plus coverage analysis. Setup prints the tag density and
/// the database bytes per passage.
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*Storage*' --job short
/// </summary>
[MemoryDiagnoser]
public class StorageBenchmarks
{
    private const int Pages = 300;

    private string _folder = "";
    private IngestionResult _ingestion = null!;
    private IReadOnlyList<TaggedPassage> _tagged = [];
    private RuleTagger _tagger = null!;
    private AnalysisRunInfo _run = null!;
    private SqlitePlanStore _loadStore = null!;
    private long _storedId;
    private SqlitePlanStore? _saveStore;
    private int _saveCount;
    private readonly CoverageAnalyzer _analyzer = new();

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("policylens-storebench-").FullName;
        var docx = Path.Combine(_folder, "plan.docx");
        DocxExtractionBenchmarks.WritePlan(docx, Pages);
        _ingestion = DefaultReaders.CreateIngestor().Ingest(new DocumentSource(docx));
        if (!_ingestion.Succeeded) throw new InvalidOperationException(_ingestion.Error);
        _tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(Path.Combine(FindRoot(), "rules")));
        _tagged = [.. _ingestion.Passages.Select(p => new TaggedPassage(p, _tagger.Tag(new TaggingInput(p.Text, p.Headings))))];
        _run = AnalysisRunInfo.For(_tagger);

        var dbPath = Path.Combine(_folder, "load.db");
        _loadStore = SqlitePlanStore.Open(new SqliteStoreOptions(dbPath));
        _storedId = _loadStore.Save(_ingestion, _tagged, "Benchmarkstad", _run).DocumentId;
        using (var connection = new SqliteConnection($"Data Source={dbPath};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        var tags = _tagged.Sum(t => t.Tags.Count);
        var evidence = _tagged.Sum(t => t.Tags.Sum(x => x.Evidence.Count));
        var bytes = new FileInfo(dbPath).Length;
        Console.WriteLine($"// {Pages} pages: {_tagged.Count} passages, {tags} tags ({tags / (double)_tagged.Count:0.00} per passage), " +
                          $"{evidence} evidence rows; database {bytes / 1024.0:0} KB = {bytes / (double)_tagged.Count:0} bytes per passage");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _loadStore.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [IterationSetup(Target = nameof(Save))]
    public void OpenFreshStore() =>
        _saveStore = SqlitePlanStore.Open(new SqliteStoreOptions(Path.Combine(_folder, $"save-{_saveCount++}.db")));

    [IterationCleanup(Target = nameof(Save))]
    public void CloseFreshStore()
    {
        _saveStore?.Dispose();
        _saveStore = null;
    }

    [Benchmark]
    public StoreResult Save() => _saveStore!.Save(_ingestion, _tagged, "Benchmarkstad", _run);

    [Benchmark]
    public StoredPlan LoadPlan() => _loadStore.LoadPlan(_storedId)!;

    /// <summary>What the web report's first view does before rendering: load, then analyse.</summary>
    [Benchmark]
    public PlanCoverage LoadAndAnalyze()
    {
        var plan = _loadStore.LoadPlan(_storedId)!;
        var info = new PlanInfo(plan.Document.Title, plan.Document.FileName, plan.Document.Municipality, plan.Document.PageCount,
            plan.Run.RuleSetVersion, plan.Document.Id);
        return _analyzer.Analyze(info, plan.Passages, _tagger.Labels);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Passages;
using PolicyLens.Readers.Rules;
using PolicyLens.Storage;
using PolicyLens.Tagging;

namespace PolicyLens.Benchmarks;

/// <summary>
/// The SQLite store on a 300-page plan of corpus text (see <see cref="CorpusPlan"/>), tagged
/// once with the repository's rules: <see cref="Save"/> into a fresh database
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
        var root = FindRoot();
        _tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(Path.Combine(root, "rules")));
        _ingestion = CorpusPlan(root);
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

    /// <summary>
    /// A 300-page plan as the measured one: 9,681 passages (about 32 a page) of real plan text
    /// from the development corpus, a BD heading every 250 passages and an AP heading under it
    /// every 25, so heading paths repeat as in real plans.
    /// </summary>
    private static IngestionResult CorpusPlan(string root)
    {
        const int passageCount = 9681;
        var pieces = Directory.GetFiles(Path.Combine(root, "..", "shared", "corpus", "dev"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n---", 2).Last().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length >= 40)
            .ToArray();
        var passages = new List<Passage>(passageCount);
        var text = new System.Text.StringBuilder();
        string[] path = [];
        string bd = "";
        for (var i = 0; passages.Count < passageCount; i++)
        {
            var page = 1 + passages.Count * Pages / passageCount;
            Passage passage;
            if (i % 250 == 0)
            {
                bd = $"BD {i / 250 + 1} Beleidsdoelstelling {i / 250 + 1}";
                passage = new Passage(passages.Count, PassageKind.Heading, bd, page, [], text.Length);
                path = [bd];
            }
            else if (i % 25 == 0)
            {
                var ap = $"AP {i / 250 + 1}.{i % 250 / 25} Actieplan";
                passage = new Passage(passages.Count, PassageKind.Heading, ap, page, [bd], text.Length);
                path = [bd, ap];
            }
            else passage = new Passage(passages.Count, PassageKind.Paragraph, pieces[i % pieces.Length], page, path, text.Length);
            text.Append(passage.Text).Append("\n\n");
            passages.Add(passage);
        }
        var plain = text.ToString();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(plain)));
        return new IngestionResult("plan-300.docx", new PlanDocument("Plan van 300 pagina's", "plan-300.docx", PolicyLens.Documents.DocumentFormat.Docx, Pages, hash, plain.Length),
            passages, [], plain);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}

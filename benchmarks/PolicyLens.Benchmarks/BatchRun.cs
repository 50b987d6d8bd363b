using System.Diagnostics;
using System.Globalization;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Rules;
using PolicyLens.Storage;
using PolicyLens.Tagging;

namespace PolicyLens.Benchmarks;

/// <summary>
/// The batch path end to end, as <c>policylens ingest</c> runs it: N generated DOCX plans of P
/// pages (see <see cref="DocxExtractionBenchmarks"/> for what a page holds) are read, tagged with
/// the repository's rules and stored in a fresh SQLite file through <see cref="PlanLibrary"/>.
/// Reports documents/s, pages/s and peak memory. Goal: 300 plans of 100 pages in under
/// 5 minutes on 2 cores, under 1 GB.
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --batch 300 100
/// With <c>--pdf</c> last, the plans are PDFs instead (tests/fixtures/pdf/plan.pdf repeated to
/// P pages with qpdf, each starting at another page so no two are the same file), and one
/// truncated PDF is added that must fail alone: --batch 300 100 2 --pdf
/// </summary>
internal static class BatchRun
{
    public static int Run(string[] args)
    {
        var pdf = args.Contains("--pdf");
        args = [.. args.Where(a => a != "--pdf")];
        var plans = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var pages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var parallelism = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        var folder = Directory.CreateTempSubdirectory("policylens-batch-").FullName;
        try
        {
            var generate = Stopwatch.StartNew();
            var sources = pdf ? WritePdfPlans(folder, plans, pages) : new DocumentSource[plans];
            if (!pdf)
                Parallel.For(0, plans, i =>
                {
                    var path = Path.Combine(folder, $"plan-{i:D4}.docx");
                    DocxExtractionBenchmarks.WritePlan(path, pages, seed: i + 1);
                    sources[i] = new DocumentSource(path);
                });
            generate.Stop();
            var bytes = sources.Sum(s => new FileInfo(s.Path).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {plans} plans x {pages} pages ({bytes / 1048576.0:0.0} MB) in {generate.Elapsed.TotalSeconds:0.0} s"));

            var tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(FindRules()));
            Breakdown(sources[0], tagger, Path.Combine(folder, "breakdown.db"));
            using var memory = new PeakWorkingSet();

            var dbPath = Path.Combine(folder, "batch.db");
            IReadOnlyList<FileOutcome> outcomes;
            var clock = Stopwatch.StartNew();
            using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(dbPath)))
            {
                var library = new PlanLibrary(DefaultReaders.CreateIngestor(), tagger, store, new PlanLibraryOptions { MaxParallelism = parallelism });
                outcomes = library.IngestFiles(sources, "Benchmarkstad");
            }
            clock.Stop();
            memory.Stop();

            var failed = outcomes.Where(o => !o.Succeeded).ToList();
            if (pdf)
            {
                // The one corrupt file fails alone; every real plan must be in.
                var corrupt = failed.Where(f => f.FileName == CorruptName).ToList();
                Console.WriteLine(corrupt.Count == 1 ? $"the corrupt PDF failed alone: {corrupt[0].Error}" : "the corrupt PDF did NOT fail");
                failed = [.. failed.Where(f => f.FileName != CorruptName)];
                if (corrupt.Count != 1) return 1;
            }
            foreach (var f in failed.Take(5)) Console.WriteLine($"FAILED {f.Error}");
            var seconds = clock.Elapsed.TotalSeconds;
            var passages = outcomes.Sum(o => o.Passages);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                ingested, tagged and stored {outcomes.Count - failed.Count - (pdf ? 1 : 0)}/{plans} {(pdf ? "PDF" : "DOCX")} plans ({passages} passages) with {parallelism} workers on {Environment.ProcessorCount} cores in {seconds:0.0} s
                  {plans / seconds:0.00} documents/s, {plans * (double)pages / seconds:0} pages/s, {passages / seconds:0} passages/s
                  peak working set {memory.Peak / 1048576.0:0} MB during the run (process peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB, {memory.Baseline / 1048576.0:0} MB before)
                  database {new FileInfo(dbPath).Length / 1048576.0:0.0} MB (+ WAL {(File.Exists(dbPath + "-wal") ? new FileInfo(dbPath + "-wal").Length : 0) / 1048576.0:0.0} MB)
                """));
            return failed.Count == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string CorruptName = "plan-corrupt.pdf";

    /// <summary>
    /// PDF plans of <paramref name="pages"/> pages cut from a long repeat of plan.pdf, plan i
    /// starting at page i mod 5 + 1 and holding its number as title, so every file differs; then the
    /// first half of one of them as a truncated file. Needs qpdf (scripts/install-deps.sh).
    /// </summary>
    private static DocumentSource[] WritePdfPlans(string folder, int plans, int pages)
    {
        var plan = Path.Combine(PdfExtractionBenchmarks.RepoRoot(), "tests", "fixtures", "pdf", "plan.pdf");
        var all = Path.Combine(folder, "all.pdf");
        PdfExtractionBenchmarks.Run("qpdf", ["--empty", "--pages", .. Enumerable.Repeat(plan, pages / 5 + 2), "--", all]);
        var sources = new DocumentSource[plans + 1];
        Parallel.For(0, plans, i =>
        {
            var path = Path.Combine(folder, $"plan-{i:D4}.pdf");
            var first = i % 5 + 1;
            PdfExtractionBenchmarks.Run("qpdf", ["--empty", "--pages", all, $"{first}-{first + pages - 1}", "--",
                "--add-attachment", plan, $"--key=plan-{i}", "--", path]);
            sources[i] = new DocumentSource(path);
        });
        var corrupt = Path.Combine(folder, CorruptName);
        var bytes = File.ReadAllBytes(sources[0].Path);
        File.WriteAllBytes(corrupt, bytes[..(bytes.Length / 2)]);
        sources[plans] = new DocumentSource(corrupt);
        return sources;
    }

    /// <summary>One plan, stage by stage on one thread, to show where the time goes.</summary>
    private static void Breakdown(DocumentSource source, RuleTagger tagger, string dbPath)
    {
        var ingestor = DefaultReaders.CreateIngestor();
        ingestor.Ingest(source); // warm-up (JIT)
        var clock = Stopwatch.StartNew();
        var ingestion = ingestor.Ingest(source);
        var read = clock.Elapsed;
        var tagged = ingestion.Passages.Select(p => new PolicyLens.Coverage.TaggedPassage(p, tagger.Tag(new TaggingInput(p.Text, p.Headings)))).ToList();
        var tag = clock.Elapsed - read;
        using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(dbPath)))
        {
            var before = clock.Elapsed;
            store.Save(ingestion, tagged, null, AnalysisRunInfo.For(tagger));
            var save = clock.Elapsed - before;
            var tags = tagged.Sum(t => t.Tags.Count);
            var evidence = tagged.Sum(t => t.Tags.Sum(x => x.Evidence.Count));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"one plan: read {read.TotalMilliseconds:0} ms, tag {tag.TotalMilliseconds:0} ms, store {save.TotalMilliseconds:0} ms ({ingestion.Passages.Count} passages, {tags} tags, {evidence} evidence rows)"));
        }
    }

    private static string FindRules()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyLens.sln"))) return Path.Combine(dir.FullName, "rules");
        throw new InvalidOperationException("Run the batch benchmark from inside the PolicyLens repository (rules/ not found).");
    }
}

extern alias web;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyLens.Coverage;
using PolicyLens.Readers.Rules;
using PolicyLens.Readers.Tables;
using PolicyLens.Storage;
using PolicyLens.Tagging;
using web::PolicyLens.Web.Infrastructure;

namespace PolicyLens.Benchmarks;

/// <summary>
/// The Flemish scale, timed as one run on the real BBC export (../shared/real-docs/flemish-mjp-2026,
/// 245 municipalities, 11,095 actions): import into a fresh database (wall time, peak working
/// set; goal &lt; 120 s and &lt; 1 GB on 2 cores), the same import again (a no-op), and the compare
/// page for all plans through the ASP.NET Core pipeline in-process, uncached (the analysis cache
/// cleared before each request: load from SQLite, analyse, compare, render; goal &lt; 1 s) and warm.
/// References in the same run: reading and parsing the 245 JSON files alone, and the warm page.
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --bbc [folder] [repetitions]
/// </summary>
internal static class BbcRun
{
    public static int Run(string[] args)
    {
        var root = FindRoot();
        // A database from an earlier run: only the compare page is measured.
        if (args.Length > 0 && args[0].EndsWith(".db", StringComparison.Ordinal))
        {
            ComparePage(root, Path.GetFullPath(args[0]), args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7);
            return 0;
        }
        var export = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Join(root, "..", "shared", "real-docs", "flemish-mjp-2026", "municipality"));
        var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var files = Directory.GetFiles(export, "*.json").Order(StringComparer.Ordinal).Select(f => (f, Path.GetFileName(f))).ToArray();
        if (files.Length == 0)
        {
            Console.Error.WriteLine($"No JSON files in {export}.");
            return 1;
        }
        var folder = Directory.CreateTempSubdirectory("policylens-bbc-").FullName;
        try
        {
            var mapping = TableMappingLoader.Resolve(null, Path.Join(root, "mappings")).Mapping!;
            var tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(Path.Join(root, "rules")));

            // Reference: only reading the files into tables.
            var read = Stopwatch.StartNew();
            var rows = files.AsParallel().Sum(f => TableReaders.Read(f.Item1, f.Item2, mapping).Rows.Count);
            read.Stop();

            using var memory = new PeakWorkingSet();
            var db = Path.Join(folder, "bbc.db");
            IReadOnlyList<FileImportOutcome> outcomes;
            var import = Stopwatch.StartNew();
            using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(db)))
                outcomes = new PlanImporter(TableReaders.Create(mapping), tagger, store).Import(files, mapping);
            import.Stop();
            memory.Stop();
            var plans = outcomes.Sum(o => o.Plans.Count(p => p.State == ImportState.New));
            var passages = outcomes.Sum(o => o.Plans.Sum(p => p.Passages));

            var again = Stopwatch.StartNew();
            int unchanged;
            using (var store = SqlitePlanStore.Open(new SqliteStoreOptions(db)))
                unchanged = new PlanImporter(TableReaders.Create(mapping), tagger, store).Import(files, mapping).Sum(o => o.Plans.Count(p => p.State == ImportState.Unchanged));
            again.Stop();

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                import of {files.Length} files ({rows} rows) into a fresh database on {Environment.ProcessorCount} cores:
                  {plans} plans, {passages} passages in {import.Elapsed.TotalSeconds:0.0} s wall (goal < 120 s); reading the files alone {read.Elapsed.TotalSeconds:0.00} s (import = {import.Elapsed / read.Elapsed:0} x reading)
                  peak working set {memory.Peak / 1048576.0:0} MB (goal < 1024 MB; {memory.Baseline / 1048576.0:0} MB before); database {new FileInfo(db).Length / 1048576.0:0.0} MB
                  the same import again: {unchanged} unchanged in {again.Elapsed.TotalSeconds:0.0} s
                """));

            ComparePage(root, db, repetitions);
            return plans == files.Length ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private sealed class App(string database, string root) : WebApplicationFactory<CoverageService>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("PolicyLens:DatabasePath", database);
            builder.UseSetting("PolicyLens:RulesPath", Path.Join(root, "rules"));
            builder.UseSetting("PolicyLens:DemoData", "false");
            builder.UseEnvironment("Production");
        }
    }

    private static void ComparePage(string root, string database, int repetitions)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_POLICYLENS_WEB", Path.Join(root, "src", "PolicyLens.Web"));
        using var app = new App(database, root);
        using var client = app.CreateClient();
        var coverage = app.Services.GetRequiredService<CoverageService>();
        var store = app.Services.GetRequiredService<IPlanStore>();
        var ids = store.LatestVersions().Select(v => v.Document.Id).ToArray();
        int Get(string url)
        {
            var response = client.GetAsync(url).GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            return response.Content.ReadAsStringAsync().GetAwaiter().GetResult().Length;
        }
        // The cache warmer starts with the app; let it finish so it does not compete with the measured requests.
        var settle = Stopwatch.StartNew();
        while (settle.Elapsed < TimeSpan.FromSeconds(60) && coverage.GetMany(ids).Count < ids.Length) Thread.Sleep(100);
        Get("/vergelijken"); // JIT and Razor compilation

        double Median(Func<double> measure) => Enumerable.Range(0, repetitions).Select(_ => measure()).Order().ElementAt(repetitions / 2);
        var bytes = 0;
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        var cold = Median(() =>
        {
            coverage.Clear();
            process.Refresh();
            var before = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            bytes = Get("/vergelijken");
            var wall = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
            return wall;
        });
        var warm = Median(() =>
        {
            var clock = Stopwatch.StartNew();
            Get("/vergelijken");
            return clock.Elapsed.TotalMilliseconds;
        });
        var load = Median(() =>
        {
            coverage.Clear();
            var clock = Stopwatch.StartNew();
            coverage.GetMany(ids);
            return clock.Elapsed.TotalMilliseconds;
        });
        var loadOnly = Median(() =>
        {
            var clock = Stopwatch.StartNew();
            Parallel.ForEach(ids, id => store.LoadPlan(id));
            return clock.Elapsed.TotalMilliseconds;
        });
        // One core, stage by stage: where the uncached time goes.
        var analyzer = new CoverageAnalyzer();
        var labels = app.Services.GetRequiredService<RulesHolder>().Labels;
        var stored = ids.Select(id => store.LoadPlan(id)!).ToList();
        double Cpu(Action action)
        {
            var thread = System.Diagnostics.Process.GetCurrentProcess();
            thread.Refresh();
            var before = thread.TotalProcessorTime;
            action();
            thread.Refresh();
            return (thread.TotalProcessorTime - before).TotalMilliseconds;
        }
        var rawRead = Cpu(() =>
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly");
            connection.Open();
            foreach (var sql in new[] { "SELECT id, ordinal, page, headings, kind, text, start_offset, document_id FROM passages",
                "SELECT t.id, t.passage_id, t.dimension, t.label, t.score, e.term_id, e.matched_text, e.start_offset, e.length, e.weight, e.heading_index FROM tags t JOIN evidence e ON e.tag_id = t.id" })
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    for (var c = 0; c < reader.FieldCount; c++) _ = reader.IsDBNull(c) ? null : reader.GetValue(c);
            }
        });
        var headingJson = Cpu(() =>
        {
            foreach (var p in stored)
                foreach (var x in p.Passages.Select(x => x.Passage.Headings).Distinct())
                    _ = System.Text.Json.JsonSerializer.Deserialize<string[]>(System.Text.Json.JsonSerializer.Serialize(x));
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reference: reading the rows raw {rawRead:0} ms CPU; heading paths serialised and parsed again {headingJson:0} ms"));
        var oneByOne = Cpu(() => { foreach (var id in ids) store.LoadPlan(id); });
        var sequentialLoad = Cpu(() => store.LoadPlans(ids));
        var sequentialAnalysis = Cpu(() => { foreach (var p in stored) analyzer.Analyze(p.Document.ToPlanInfo(p.Run.RuleSetVersion), p.Passages, labels); });
        var compareOnly = Cpu(() => coverage.Compare(coverage.GetMany(ids)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU time, one thread: loading {ids.Length} plans {sequentialLoad:0} ms in one batch ({oneByOne:0} ms one by one), analysing them {sequentialAnalysis:0} ms, comparing the analysed plans {compareOnly:0} ms ({stored.Sum(p => p.Passages.Count)} passages, {stored.Sum(p => p.Passages.Sum(x => x.Tags.Count))} tags)"));
        var load1 = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(" ")[0] : "?";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            compare page for {ids.Length} plans ({bytes / 1024} KB of HTML), median of {repetitions}:
              uncached {cold:0} ms wall (goal < 1000 ms), {cpu.Order().ElementAt(cpu.Count / 2):0} ms CPU on {Environment.ProcessorCount} cores; of that loading {loadOnly:0} ms and analysing the plans ({load:0} ms together)
              warm {warm:0} ms; uncached = {cold / warm:0.0} x warm; machine load average {load1}
            """));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}

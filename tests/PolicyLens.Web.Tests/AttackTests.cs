using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyLens.Attacks;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Report;
using PolicyLens.Storage;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Tests;

/// <summary>Reads files named "traag…" only when the test lets it: a slow file, held as long as a test needs.</summary>
public sealed class SlowIngestor(SemaphoreSlim gate) : IDocumentIngestor
{
    private readonly IDocumentIngestor _inner = DefaultReaders.CreateIngestor();

    public ConcurrentBag<string> Started { get; } = [];

    public IngestionResult Ingest(DocumentSource source, CancellationToken cancellationToken = default)
    {
        Started.Add(source.FileName);
        if (source.FileName.StartsWith("traag", StringComparison.Ordinal)) gate.Wait(cancellationToken);
        return _inner.Ingest(source, cancellationToken);
    }
}

/// <summary>Keeps what the app logs, to check that causes are logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(LogCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}

/// <summary>Upload copies that fail after some bytes with ENOSPC, as a full disk does.</summary>
public sealed class FullDiskUploadFiles : IUploadFiles
{
    public Stream Create(string path) => new FullDisk(new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite));

    private sealed class FullDisk(FileStream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (inner.Length + count > 1000) throw new IOException("No space left on device", 28);
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>The findings of the attack run (issue 17), each as the user or attacker meets it.</summary>
public sealed class AttackTests
{
    private static async Task<string> BodyAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    // ------------------------------------------------------------------ 1: one upload stalls all others

    [Fact]
    public async Task A_hundred_thousand_nested_elements_fail_with_a_clear_message_and_a_small_upload_behind_them_is_read()
    {
        using var app = new TestApp();
        using var attacker = app.Browser();
        using var visitor = app.Browser();
        var hostile = await Flow.UploadAsync(attacker, ("diep.html", AttackFiles.NestedHtml(100_000)));
        var small = await Flow.UploadAsync(visitor, ("klein.md", AttackFiles.SmallPlan()));
        var smallDone = await Flow.FinishJobAsync(visitor, small.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, smallDone.StatusCode);
        var hostileDone = await Flow.FinishJobAsync(attacker, hostile.Headers.Location!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hostileDone.StatusCode);
        var page = await BodyAsync(hostileDone);
        Assert.Contains("diep.html", page);
        Assert.Contains("deeper than 256 levels", page); // the technical detail; the Dutch reason stands above it
    }

    [Fact]
    public async Task A_slow_file_does_not_hold_up_another_visitors_upload()
    {
        using var gate = new SemaphoreSlim(0);
        var slow = new SlowIngestor(gate);
        using var app = new TestApp(new() { ["PolicyLens:IngestionWorkers"] = "2" }, s => s.AddSingleton<IDocumentIngestor>(slow));
        using var first = app.Browser();
        using var second = app.Browser();
        var stuck = await Flow.UploadAsync(first, ("traag.md", AttackFiles.SmallPlan("traag")));
        var quick = await Flow.UploadAsync(second, ("klein.md", AttackFiles.SmallPlan("klein")));
        // The small upload is done while the slow one is still being read.
        Assert.Equal(HttpStatusCode.Redirect, (await Flow.FinishJobAsync(second, quick.Headers.Location!)).StatusCode);
        Assert.Contains("Bezig met verwerken", await first.GetStringAsync(stuck.Headers.Location));
        gate.Release();
        Assert.Equal(HttpStatusCode.Redirect, (await Flow.FinishJobAsync(first, stuck.Headers.Location!)).StatusCode);
    }

    [Fact]
    public async Task One_client_cannot_queue_more_than_its_share()
    {
        using var gate = new SemaphoreSlim(0);
        var settings = new Dictionary<string, string?>
        {
            ["PolicyLens:IngestionWorkers"] = "1", ["PolicyLens:MaxUploadFiles"] = "2", ["PolicyLens:MaxQueuedFilesPerClient"] = "2",
        };
        using var app = new TestApp(settings, s => s.AddSingleton<IDocumentIngestor>(new SlowIngestor(gate)));
        using var client = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await Flow.UploadAsync(client, ("traag1.md", AttackFiles.SmallPlan("1")), ("traag2.md", AttackFiles.SmallPlan("2")))).StatusCode);
        var tooMany = await Flow.UploadAsync(client, ("traag3.md", AttackFiles.SmallPlan("3")));
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Contains("U hebt al 2 bestanden in behandeling", await BodyAsync(tooMany));
        Assert.Equal(2, Directory.GetFiles(app.UploadFolder).Length); // nothing of the refused upload was kept
        gate.Release(2);
    }

    [Fact]
    public async Task A_full_queue_says_so_with_retry_after()
    {
        using var gate = new SemaphoreSlim(0);
        var settings = new Dictionary<string, string?> { ["PolicyLens:IngestionWorkers"] = "1", ["PolicyLens:MaxUploadFiles"] = "1", ["PolicyLens:MaxQueuedFiles"] = "1" };
        using var app = new TestApp(settings, s => s.AddSingleton<IDocumentIngestor>(new SlowIngestor(gate)));
        using var client = app.Browser();
        // The app itself holds the only place (as resumed jobs and demo plans do, without limits).
        app.Services.GetRequiredService<IngestionQueue>().TryReserve(IngestionQueue.SystemClient, 1);
        var refused = await Flow.UploadAsync(client, ("klein.md", AttackFiles.SmallPlan()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("PolicyLens heeft het nu erg druk", await BodyAsync(refused));
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Empty(Directory.Exists(app.UploadFolder) ? Directory.GetFiles(app.UploadFolder) : []);
        gate.Release();
    }

    // ------------------------------------------------------------------ 2: DNS rebinding

    [Fact]
    public async Task A_foreign_Host_header_is_refused_and_loopback_names_are_served()
    {
        using var app = new TestApp();
        using var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        foreach (var host in new[] { "attacker.example", "attacker.example:5080", "127.0.0.1.attacker.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/vergelijken/export/csv");
            request.Headers.Host = host;
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
        }
        foreach (var host in new[] { "localhost:5080", "127.0.0.1:5080", "[::1]:5080" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = host;
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task Behind_a_proxy_the_configured_host_names_are_served_and_no_others()
    {
        using var app = new TestApp(new() { ["AllowedHosts"] = "policylens.gemeente.example;*.intern.example" });
        using var client = app.Browser();
        async Task<HttpStatusCode> Get(string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = host;
            return (await client.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Get("policylens.gemeente.example"));
        Assert.Equal(HttpStatusCode.OK, await Get("plannen.intern.example"));
        Assert.Equal(HttpStatusCode.BadRequest, await Get("attacker.example"));
    }

    // ------------------------------------------------------------------ 3: formulas in spreadsheets

    [Fact]
    public async Task The_formula_payload_in_heading_municipality_and_file_name_reaches_no_export_as_a_formula()
    {
        using var app = new TestApp();
        using var client = app.Browser();
        var token = await Flow.TokenAsync(client);
        var form = Flow.Files((AttackFiles.FormulaPayload + ".md", Encoding.UTF8.GetBytes(
            $"# {AttackFiles.FormulaPayload}\n\nDe gemeente organiseert ontmoetingen in het buurthuis tegen eenzaamheid.\n")));
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(AttackFiles.FormulaPayload), "municipality");
        var upload = await client.PostAsync("/upload", form);
        var done = await Flow.FinishJobAsync(client, upload.Headers.Location!);
        var id = done.Headers.Location!.ToString()["/documenten/".Length..];

        foreach (var url in new[] { $"/documenten/{id}/export/csv", "/vergelijken/export/csv" })
        {
            var csv = await client.GetStringAsync(url);
            Assert.Contains(AttackFiles.FormulaPayload, csv);
            foreach (var line in csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
                // The comparison CSV is for Belgian Excel (;), the plan's CSV is RFC 4180 (,).
                foreach (var field in AttackFiles.CsvFields(line, url.StartsWith("/vergelijken", StringComparison.Ordinal) ? ';' : ','))
                    Assert.False(SpreadsheetCell.LooksLikeFormula(field), $"{url}: {field}");
        }
        foreach (var url in new[] { $"/documenten/{id}/export/xlsx", "/vergelijken/export/xlsx" })
        {
            using var stream = new MemoryStream(await client.GetByteArrayAsync(url));
            using var workbook = SpreadsheetDocument.Open(stream, false);
            var texts = workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
                .Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InlineString!.InnerText).ToArray();
            Assert.Contains("'" + AttackFiles.FormulaPayload, texts);
            Assert.DoesNotContain(texts, SpreadsheetCell.LooksLikeFormula);
        }
    }

    // ------------------------------------------------------------------ 4: memory bounded by count

    [Fact]
    public async Task The_analysis_cache_stays_within_its_byte_budget()
    {
        using var app = new TestApp(new() { ["PolicyLens:AnalysisCacheMegabytes"] = "1" });
        using var client = app.Browser();
        var coverage = app.Services.GetRequiredService<CoverageService>();
        var large = await Flow.UploadPlanAsync(client, "groot.md", AttackFiles.LargeMarkdown(700_000));
        // Bigger than the whole budget (about 4 MB analysed): served, never kept.
        Assert.Contains("Beleidsplan sociale verbinding", await client.GetStringAsync($"/documenten/{large}"));
        Assert.Equal(0, coverage.CachedPlans);
        Assert.True(CoverageService.EstimateBytes(coverage.Get(large)!) > coverage.BudgetBytes);
        // About 0.45 MB each (with the model's evidence): two fit, the oldest are pushed out.
        var small = new List<long>();
        for (var i = 0; i < 6; i++) small.Add(await Flow.UploadPlanAsync(client, $"plan{i}.md", AttackFiles.LargeMarkdown(50_000, seed: i + 10)));
        Assert.InRange(CoverageService.EstimateBytes(coverage.Get(small[^1])!), coverage.BudgetBytes / 6, coverage.BudgetBytes / 2);
        Assert.InRange(coverage.CachedBytes, 1, coverage.BudgetBytes);
        Assert.InRange(coverage.CachedPlans, 1, 5);
        // The plan list still shows every plan's elements.
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Matches(await client.GetStringAsync("/"), "<svg class=\"bar\"").Count);
    }

    // ------------------------------------------------------------------ 5: warnings reach the user

    [Fact]
    public async Task Warnings_of_a_single_upload_show_on_the_job_page_and_in_the_report_header()
    {
        using var app = new TestApp();
        using var client = app.Browser();
        var upload = await Flow.UploadAsync(client, ("gemengd.pdf", File.ReadAllBytes(Repo.Fixture("pdf", "mixed-scan.pdf"))));
        var done = await Flow.FinishJobAsync(client, upload.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode); // no silent redirect past the warning
        var job = await BodyAsync(done);
        Assert.Contains("Let op bij het inlezen", job);
        Assert.Contains("heeft geen tekstlaag", job);
        var report = System.Text.RegularExpressions.Regex.Match(job, "href=\"(/documenten/\\d+)\"").Groups[1].Value;
        var html = await client.GetStringAsync(report);
        Assert.True(html.IndexOf("Let op bij het inlezen", StringComparison.Ordinal) is var at and > 0 && at < html.IndexOf("id=\"heatmap\"", StringComparison.Ordinal));
        Assert.Contains("heeft geen tekstlaag", await client.GetStringAsync(report + "/export/md"));
    }

    // ------------------------------------------------------------------ 6: a full disk

    [Fact]
    public async Task A_full_disk_while_copying_an_upload_is_reported_in_Dutch_logged_and_leaves_no_partial_file()
    {
        var logs = new LogCollector();
        using var app = new TestApp(services: s =>
        {
            s.AddSingleton<IUploadFiles, FullDiskUploadFiles>();
            s.AddSingleton<ILoggerProvider>(logs);
        });
        using var client = app.Browser();
        var response = await Flow.UploadAsync(client, ("klein.md", AttackFiles.SmallPlan()), ("groot.md", AttackFiles.LargeMarkdown(20_000)));
        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Contains("De schijf van de server is vol", await BodyAsync(response));
        Assert.Empty(Directory.GetFiles(app.UploadFolder));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Exception is IOException { HResult: 28 });
        Assert.Equal(0, app.Services.GetRequiredService<IngestionQueue>().Pending);
    }

    [Fact]
    public async Task A_full_database_disk_fails_the_file_as_disk_full_in_Dutch()
    {
        var logs = new LogCollector();
        using var app = new TestApp(services: s =>
        {
            s.AddSingleton<IPlanStore>(sp => SqlitePlanStore.Open(new SqliteStoreOptions(sp.GetRequiredService<AppPaths>().DatabasePath) { MaxDatabaseBytes = 256 * 1024 }));
            s.AddSingleton<ILoggerProvider>(logs);
        });
        using var client = app.Browser();
        var done = await Flow.UploadAndFinishAsync(client, ("groot.md", AttackFiles.LargeMarkdown(1_000_000)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, done.StatusCode);
        var page = await BodyAsync(done);
        Assert.Contains("de schijf van de server is vol", page);
        Assert.DoesNotContain("please report it", page);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Exception is PlanStoreException { Fault: StoreFault.DiskFull });
        Assert.Empty(Directory.GetFiles(app.UploadFolder));
    }

    // ------------------------------------------------------------------ 7: queued uploads survive a crash

    private static readonly Dictionary<string, string?> RestartSettings = new() { ["PolicyLens:IngestionWorkers"] = "1" };

    /// <summary>
    /// Uploads the files to an app on <paramref name="folder"/> whose reader never finishes, then stops
    /// that app with the first file being read and the rest waiting; returns the job page and the browser cookie.
    /// </summary>
    private static async Task<(Uri Job, string Cookie)> UploadThenStopAsync(string folder, params (string Name, byte[] Content)[] files)
    {
        using var gate = new SemaphoreSlim(0);
        using var first = new TestApp(RestartSettings, s => s.AddSingleton<IDocumentIngestor>(new SlowIngestor(gate)), folder);
        using var client = first.Browser();
        var upload = await Flow.UploadAsync(client, files);
        var cookie = upload.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ClientIdentity.CookieName, StringComparison.Ordinal)).Split(';')[0];
        return (upload.Headers.Location!, cookie);
    }

    [Fact]
    public async Task Uploads_waiting_when_the_server_stops_are_read_after_the_restart()
    {
        var folder = Path.Join(Path.GetTempPath(), "policylens-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            // The server stops while the first file is being read and the others wait.
            var (job, cookie) = await UploadThenStopAsync(folder, ("traag.md", AttackFiles.SmallPlan("a")), ("tweede.md", AttackFiles.SmallPlan("b")), ("derde.md", AttackFiles.SmallPlan("c")));
            using var second = new TestApp(RestartSettings, dataFolder: folder);
            using var again = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            again.DefaultRequestHeaders.Add("Cookie", cookie);
            var done = await Flow.FinishJobAsync(again, job);
            var page = await BodyAsync(done);
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(page, "Rapport bekijken").Count);
            Assert.Empty(Directory.GetFiles(second.UploadFolder));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_job_whose_upload_copies_are_lost_says_which_files_to_upload_again()
    {
        var folder = Path.Join(Path.GetTempPath(), "policylens-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (job, cookie) = await UploadThenStopAsync(folder, ("traag.md", AttackFiles.SmallPlan("a")), ("verloren.md", AttackFiles.SmallPlan("b")));
            foreach (var copy in Directory.GetFiles(Path.Join(folder, "uploads"))) File.Delete(copy); // as a crash during the copy, or a cleaned temp folder
            using var second = new TestApp(RestartSettings, dataFolder: folder);
            using var again = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            again.DefaultRequestHeaders.Add("Cookie", cookie);
            var done = await Flow.FinishJobAsync(again, job);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, done.StatusCode);
            var page = await BodyAsync(done);
            Assert.Contains("Upload ze opnieuw", page);
            Assert.Contains("<li>traag.md</li>", page);
            Assert.Contains("<li>verloren.md</li>", page);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    // 8 (retag in the background): PageTests.Retagging_from_the_status_page_reports_what_it_did

    // ------------------------------------------------------------------ 9: the small ones

    [Fact]
    public async Task A_malformed_upload_body_gets_a_page_that_says_400()
    {
        using var app = new TestApp();
        using var client = app.Browser();
        var token = await Flow.TokenAsync(client);
        var broken = new StringContent("--grens\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n" + token + "\r\n--grens\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.md\"\r\n\r\nnooit afgesloten");
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=grens");
        var response = await client.PostAsync("/upload", broken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BodyAsync(response);
        Assert.Contains("Foutcode 400", page);
        Assert.DoesNotContain("aan onze kant", page);
    }

    [Fact]
    public async Task More_than_1024_form_values_get_a_page_that_says_400()
    {
        using var app = new TestApp();
        using var client = app.Browser();
        var token = await Flow.TokenAsync(client);
        var form = Flow.Files([.. Enumerable.Range(0, 1100).Select(i => ($"p{i}.md", new byte[] { (byte)'x' }))]);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync("/upload", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Foutcode 400", await BodyAsync(response));
    }

    [Fact]
    public async Task A_right_to_left_override_is_stripped_from_the_file_name()
    {
        using var app = new TestApp();
        using var client = app.Browser();
        var id = await Flow.UploadPlanAsync(client, AttackFiles.BidiFileName, Encoding.UTF8.GetBytes("De gemeente organiseert ontmoetingen in het buurthuis tegen eenzaamheid."));
        var report = await client.GetStringAsync($"/documenten/{id}");
        Assert.Contains("rapportfdp.md", report);
        Assert.DoesNotContain("\u202E", report, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x202E;", report, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_job_is_shown_only_to_the_browser_that_started_it()
    {
        using var gate = new SemaphoreSlim(0);
        using var app = new TestApp(services: s => s.AddSingleton<IDocumentIngestor>(new SlowIngestor(gate)));
        using var owner = app.Browser();
        using var other = app.Browser();
        var upload = await Flow.UploadAsync(owner, ("traag-geheim-plan.md", AttackFiles.SmallPlan()));
        var job = upload.Headers.Location!;
        Assert.Contains("traag-geheim-plan.md", await owner.GetStringAsync(job));
        Assert.Contains($"/taken/{job.ToString()["/taken/".Length..]}", await owner.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(job)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(job + "/status")).StatusCode);
        Assert.DoesNotContain("/taken/", await other.GetStringAsync("/"));
        gate.Release();
    }
}

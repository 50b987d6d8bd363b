using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyLens.Attacks;

namespace PolicyLens.Benchmarks;

/// <summary>
/// The attack run of issue 17, measured against a real server process (the web app as built
/// next to this project, on 127.0.0.1 with a random port and a temporary data folder):
/// <list type="number">
/// <item>one POST of 20 files nested 100,000 levels deep, and one second later a one-paragraph
/// upload from another browser: how long until each hostile file has failed, and until the small
/// upload is done (goals: &lt; 5 s to fail, &lt; 10 s for the small one; before: minutes);</item>
/// <item>five 40 MB uploads, then every report and the plan list opened: the server's resident
/// memory afterwards (goal &lt; 1 GB; before: 2.76 GB).</item>
/// </list>
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --attack [uploadMegabytes] [uploads]
/// </summary>
internal static partial class AttackRun
{
    public static async Task<int> Run(string[] args)
    {
        var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        var uploads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var folder = Directory.CreateTempSubdirectory("policylens-attack-").FullName;
        using var server = Start(folder, out var baseUri);
        try
        {
            await WaitUntilUp(baseUri);
            Console.WriteLine($"server pid {server.Id} on {baseUri}; resident {Megabytes(Resident(server))} MB after start");
            await NestedThenSmall(baseUri);
            await LargeUploads(baseUri, server, megabytes, uploads);
            return 0;
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            server.WaitForExit();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task NestedThenSmall(Uri baseUri)
    {
        using var attacker = Browser(baseUri);
        using var visitor = Browser(baseUri);
        var hostile = Enumerable.Range(0, 20).Select(i => ($"diep-{i}.html", AttackFiles.NestedHtml(100_000))).ToArray();
        var clock = Stopwatch.StartNew();
        var hostileJob = await Upload(attacker, hostile);
        var hostileTask = Finish(attacker, hostileJob, clock);
        await Task.Delay(1000);
        var smallClock = Stopwatch.StartNew();
        var smallJob = await Upload(visitor, [("klein.md", AttackFiles.SmallPlan())]);
        var (smallStatus, smallSeconds) = await Finish(visitor, smallJob, smallClock);
        var (hostileStatus, hostileSeconds) = await hostileTask;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"20 x nested 100,000 levels ({hostile[0].Item2.Length / 1024} KB each, one POST): all failed after {hostileSeconds:0.00} s (job page {(int)hostileStatus}); {hostileSeconds / 20:0.000} s per file"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"small upload 1 s behind them, another browser: done after {smallSeconds:0.00} s (job page {(int)smallStatus})"));
    }

    private static async Task LargeUploads(Uri baseUri, Process server, int megabytes, int count)
    {
        using var browser = Browser(baseUri);
        long peak = Resident(server);
        using var sampler = new Timer(_ =>
        {
            var now = Resident(server);
            if (now > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, now);
        }, null, 0, 200);
        var before = Resident(server);
        var clock = Stopwatch.StartNew();
        var jobs = new List<string>();
        for (var i = 0; i < count; i++)
            jobs.Add(await Upload(browser, [($"groot-{i}.md", AttackFiles.LargeMarkdown(megabytes * 1024L * 1024L, seed: 100 + i))]));
        var reports = new List<string>();
        foreach (var job in jobs)
        {
            var (status, _) = await Finish(browser, job, clock);
            var page = await browser.GetAsync(job);
            if (page.Headers.Location is { } report) reports.Add(report.ToString());
            else if (DocumentLink().Match(await page.Content.ReadAsStringAsync()) is { Success: true } m) reports.Add(m.Groups[1].Value);
            Console.WriteLine($"  {job}: {(int)status}, resident {Megabytes(Resident(server))} MB");
        }
        var ingested = clock.Elapsed;
        // The server returns free memory within its trim period (10 s); measure once that passed.
        await Task.Delay(TimeSpan.FromSeconds(15));
        var afterUploads = Resident(server);
        foreach (var report in reports) (await browser.GetAsync(report)).EnsureSuccessStatusCode();
        (await browser.GetAsync("/")).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(15));
        var afterReports = Resident(server);
        var peakBeforeCompare = Interlocked.Read(ref peak);
        (await browser.GetAsync("/vergelijken")).EnsureSuccessStatusCode();
        var afterCompare = Resident(server);
        // Memory in use at a trim is looked at again a minute later.
        await Task.Delay(TimeSpan.FromSeconds(75));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} x {megabytes} MB uploads: stored in {ingested.TotalSeconds:0} s; resident {Megabytes(before)} MB before, peak {Megabytes(peakBeforeCompare)} MB while storing and opening reports"));
        Console.WriteLine($"  resident after the uploads: {Megabytes(afterUploads)} MB; after opening every report and the plan list: {Megabytes(afterReports)} MB");
        Console.WriteLine($"  the comparison of all plans (every analysis at once): peak {Megabytes(Interlocked.Read(ref peak))} MB, {Megabytes(afterCompare)} MB when it is sent, {Megabytes(Resident(server))} MB 75 s later");
    }

    private static Process Start(string folder, out Uri baseUri)
    {
        var port = FreePort();
        baseUri = new Uri($"http://127.0.0.1:{port}");
        var web = Path.Combine(AppContext.BaseDirectory, "PolicyLens.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "--urls", baseUri.ToString()])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PolicyLens__DatabasePath"] = Path.Combine(folder, "policylens.db");
        start.Environment["PolicyLens__RulesPath"] = Path.Combine(FindRoot(), "rules");
        start.Environment["PolicyLens__DemoData"] = "false";
        start.Environment["Urls"] = baseUri.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the web app");
        // Drain the output so the server never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("working set", StringComparison.Ordinal) == true) Console.WriteLine("  server:" + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine("server: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilUp(Uri baseUri)
    {
        using var client = new HttpClient { BaseAddress = baseUri };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/status")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("the web app did not come up");
    }

    private static HttpClient Browser(Uri baseUri) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(30) };

    private static async Task<string> Upload(HttpClient client, (string Name, byte[] Content)[] files)
    {
        var home = await client.GetStringAsync("/");
        var token = WebUtility.HtmlDecode(Token().Match(home).Groups[1].Value);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        var response = await client.PostAsync("/upload", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"upload refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.ToString();
    }

    /// <summary>Polls the job's status until every file is done; the job page's status code and the seconds on the clock.</summary>
    private static async Task<(HttpStatusCode Status, double Seconds)> Finish(HttpClient client, string job, Stopwatch clock)
    {
        while (true)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync(job + "/status"));
            if (status.RootElement.GetProperty("done").GetInt32() == status.RootElement.GetProperty("total").GetInt32())
            {
                var seconds = clock.Elapsed.TotalSeconds;
                return ((await client.GetAsync(job)).StatusCode, seconds);
            }
            await Task.Delay(50);
        }
    }

    private static long Resident(Process process)
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("PolicyLens.sln not found");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"(/documenten/\\d+)\"")]
    private static partial Regex DocumentLink();
}

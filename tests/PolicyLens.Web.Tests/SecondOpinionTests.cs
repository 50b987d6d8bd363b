using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyLens.Llm.Tests;

namespace PolicyLens.Web.Tests;

/// <summary>The "Tweede mening" (LLM reviewer) in the web app, against a fake OpenAI-compatible server on 127.0.0.1.</summary>
public sealed class SecondOpinionTests
{
    private const string Key = "sk-web-91b7e2d4";

    private static TestApp App(string endpoint, LogCapture? logs = null, string? key = null) => new(
        new Dictionary<string, string?>
        {
            ["PolicyLens:Llm:Endpoint"] = endpoint, ["PolicyLens:Llm:Model"] = "fake-model", ["PolicyLens:Llm:ApiKey"] = key,
            ["PolicyLens:Llm:BackoffMilliseconds"] = "1",
        },
        logs is null ? null : services => services.AddSingleton<ILoggerProvider>(logs));

    private static async Task<long> UploadAsync(HttpClient client) =>
        await Flow.UploadPlanAsync(client, "lindeveld-plan.docx", File.ReadAllBytes(Repo.Fixture("documents", "lindeveld-plan.docx")));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string tokenPage, Dictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = await Flow.TokenAsync(client, tokenPage) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Presses "Tweede mening vragen" on the report and waits for the background job to finish.</summary>
    private static async Task<JsonElement> AskAsync(HttpClient client, long id)
    {
        var start = await PostAsync(client, $"/documenten/{id}/tweede-mening/Start", $"/documenten/{id}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal($"/documenten/{id}/tweede-mening#voortgang", start.Headers.Location!.ToString());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync($"/documenten/{id}/tweede-mening/status"));
            if (status.RootElement.GetProperty("finished").GetBoolean()) return status.RootElement.Clone();
            Assert.True(DateTime.UtcNow < deadline, "the second opinion did not finish");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Off_by_default_the_report_has_no_second_opinion_and_the_status_page_says_nothing_is_sent()
    {
        using var app = new TestApp();
        using var client = app.Browser();
        var id = await UploadAsync(client);

        var report = await client.GetStringAsync($"/documenten/{id}");
        var status = await client.GetStringAsync("/status");
        var page = await client.GetStringAsync($"/documenten/{id}/tweede-mening");
        var start = await PostAsync(client, $"/documenten/{id}/tweede-mening/Start", $"/documenten/{id}");

        Assert.DoesNotContain("Tweede mening", report);
        Assert.Contains("Uit: er wordt geen passagetekst naar een taalmodel verstuurd", status);
        Assert.Contains("PolicyLens:Llm:Endpoint", page);
        Assert.DoesNotContain("Tweede mening vragen", page);
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
    }

    [Fact]
    public async Task Asking_a_second_opinion_shows_progress_then_agreement_per_label_and_every_tag_marked_with_the_quote()
    {
        await using var server = await FakeOpenAiServer.StartAsync(FakeModels.Meeting);
        using var app = App(server.Endpoint);
        using var client = app.Browser();
        var id = await UploadAsync(client);
        var before = await client.GetStringAsync($"/documenten/{id}");

        var status = await AskAsync(client, id);
        var page = await client.GetStringAsync($"/documenten/{id}/tweede-mening?toon=alle");
        var report = await client.GetStringAsync($"/documenten/{id}");

        Assert.Contains("Tweede mening vragen", before);
        Assert.Contains($"passagetekst gaat naar {server.Endpoint}", before);
        Assert.Equal(status.GetProperty("total").GetInt32(), status.GetProperty("done").GetInt32());
        Assert.Equal(server.Calls * 120, status.GetProperty("tokens").GetInt64());
        Assert.Contains("Overeenstemming per label", page);
        Assert.Contains("herhaalde ontmoetingen", page);
        Assert.Contains("class=\"agree-both\"", page);
        Assert.Contains("<span class=\"who\">alleen regels/model:</span>", page);
        Assert.Matches("<q class=\"quote\">[^<]+</q>", page);
        Assert.Contains("beoordeeld door het taalmodel", report);
        Assert.Contains("Vergelijking per label en passage", report);
        AssertStrictPage(page);
        AssertStrictPage(report);
    }

    [Fact]
    public async Task The_report_evidence_marks_each_tag_of_a_reviewed_passage()
    {
        await using var reviewed = await ReviewedPlan.StartAsync();
        var client = reviewed.Client;
        var id = reviewed.Id;

        var page = await client.GetStringAsync($"/documenten/{id}/tweede-mening");
        var ordinal = int.Parse(System.Text.RegularExpressions.Regex.Match(page, "<article class=\"evidence\" id=\"p-(\\d+)\"").Groups[1].Value);
        var evidence = await client.GetStringAsync($"/documenten/{id}?passage={ordinal}");

        Assert.Contains("id=\"bewijs\"", evidence);
        Assert.Contains("tags second-opinion", evidence);
    }

    [Fact]
    public async Task The_user_chooses_which_tags_the_coverage_uses_and_rules_stay_the_default()
    {
        await using var reviewed = await ReviewedPlan.StartAsync();
        var client = reviewed.Client;
        var id = reviewed.Id;
        var rules = await client.GetStringAsync($"/documenten/{id}");

        var choose = await PostAsync(client, $"/documenten/{id}/tweede-mening/Choose", $"/documenten/{id}", new() { ["labels"] = "taalmodel" });
        var llm = await client.GetStringAsync($"/documenten/{id}");
        var overridden = await client.GetStringAsync($"/documenten/{id}?labels=regels");
        var evidence = await client.GetStringAsync($"/documenten/{id}?label=element:herhaalde-ontmoetingen");

        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Contains("httponly", string.Join(";", choose.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("De dekking hieronder gebruikt nu", rules);
        Assert.Contains("De dekking hieronder gebruikt nu: <strong>het taalmodel", llm);
        // The fake model gives no element but herhaalde-ontmoetingen: under its tags every other element is absent.
        Assert.Equal(10, CountAbsent(llm));
        Assert.True(CountAbsent(rules) < 10);
        Assert.DoesNotContain("De dekking hieronder gebruikt nu", overridden);
        Assert.Contains("(taalmodel: ", evidence); // the tag's evidence is the model's quote, named as such
    }

    [Fact]
    public async Task With_the_server_down_the_job_ends_with_a_clear_Dutch_message_and_the_report_still_works()
    {
        using var app = App(FakeOpenAiServer.DownEndpoint());
        using var client = app.Browser();
        var id = await UploadAsync(client);

        await AskAsync(client, id);
        var page = await client.GetStringAsync($"/documenten/{id}/tweede-mening");
        var report = await client.GetAsync($"/documenten/{id}");
        var html = await report.Content.ReadAsStringAsync();

        Assert.Contains("is niet bereikbaar (verbinding geweigerd)", page);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("is niet bereikbaar", html);
        Assert.Contains("id=\"heatmap-level\"", html);
    }

    [Fact]
    public async Task The_api_key_reaches_the_server_but_no_page_and_no_log_line()
    {
        var logs = new LogCapture();
        await using var reviewed = await ReviewedPlan.StartAsync(logs, Key);
        var server = reviewed.Server;
        var client = reviewed.Client;
        var id = reviewed.Id;

        var pages = new[] { "/status", $"/documenten/{id}", $"/documenten/{id}/tweede-mening", $"/documenten/{id}/tweede-mening?toon=alle" };
        foreach (var url in pages) Assert.DoesNotContain(Key, await client.GetStringAsync(url));
        Assert.Contains("API-sleutel</dt><dd>ingesteld (wordt nooit getoond)", await client.GetStringAsync("/status"));
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + Key, r.Authorization));
        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("LLM reviewer on", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_stored_answers_can_be_wiped_from_the_status_page()
    {
        await using var reviewed = await ReviewedPlan.StartAsync();
        var client = reviewed.Client;
        var id = reviewed.Id;
        Assert.Contains("Alle antwoorden van het taalmodel wissen", await client.GetStringAsync("/status"));

        var clear = await PostAsync(client, "/status/tweede-mening/Clear", "/status");
        var status = await client.GetStringAsync(clear.Headers.Location!.ToString());
        var page = await client.GetStringAsync($"/documenten/{id}/tweede-mening");

        Assert.Equal(HttpStatusCode.Redirect, clear.StatusCode);
        Assert.Matches(@"\d+ bewaarde antwoorden van het taalmodel gewist", status);
        Assert.DoesNotContain("Alle antwoorden van het taalmodel wissen", status);
        Assert.Contains("Er zijn nog geen antwoorden van het taalmodel voor dit plan.", page);
    }

    [Fact]
    public async Task The_second_opinion_files_are_served()
    {
        using var app = new TestApp();
        using var client = app.Browser();
        foreach (var path in new[] { "/css/second-opinion.css", "/js/second-opinion.js" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    /// <summary>A fake model server, the app configured for it, and the Lindeveld plan uploaded and reviewed.</summary>
    private sealed class ReviewedPlan : IAsyncDisposable
    {
        private TestApp _app = null!;

        public FakeOpenAiServer Server { get; private set; } = null!;
        public HttpClient Client { get; private set; } = null!;
        public long Id { get; private set; }

        public static async Task<ReviewedPlan> StartAsync(LogCapture? logs = null, string? key = null)
        {
            var reviewed = new ReviewedPlan { Server = await FakeOpenAiServer.StartAsync(FakeModels.Meeting) };
            reviewed._app = App(reviewed.Server.Endpoint, logs, key);
            reviewed.Client = reviewed._app.Browser();
            reviewed.Id = await UploadAsync(reviewed.Client);
            await AskAsync(reviewed.Client, reviewed.Id);
            return reviewed;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            _app.Dispose();
            await Server.DisposeAsync();
        }
    }

    private static int CountAbsent(string report)
    {
        var table = report[report.IndexOf("id=\"heatmap-level\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        // One per element absent from the whole plan: the row total in the heatmap's last column.
        return System.Text.RegularExpressions.Regex.Matches(table, "<td class=\"cell s-afwezig total\">").Count;
    }

    private static void AssertStrictPage(string html)
    {
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
        Assert.DoesNotMatch("\\sstyle=\"", html);
        Assert.DoesNotMatch("\\son[a-z]+=\"", html);
    }

    /// <summary>Every log line the app writes, with its arguments filled in.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
        }
    }
}

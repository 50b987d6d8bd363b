using System.Net;
using System.Text;

namespace PolicyLens.Web.Tests;

/// <summary>Uploading good and bad files: work runs in the background, every failure is a 4xx page naming the file.</summary>
public sealed class UploadTests : IDisposable
{
    private readonly TestApp _app = new(new() { ["PolicyLens:MaxUploadBytes"] = "300000", ["PolicyLens:MaxUploadFiles"] = "3" });

    public void Dispose() => _app.Dispose();

    private static byte[] Fixture(params string[] parts) => File.ReadAllBytes(Repo.Fixture(parts));

    [Fact]
    public async Task A_good_plan_is_queued_shown_as_progress_and_then_opens_its_report()
    {
        using var client = _app.Browser();
        var upload = await Flow.UploadAsync(client, ("lindeveld-plan.odt", Fixture("documents", "lindeveld-plan.odt")));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var job = upload.Headers.Location!;
        Assert.StartsWith("/taken/", job.ToString());
        var status = await client.GetAsync(job + "/status");
        Assert.Equal("application/json", status.Content.Headers.ContentType!.MediaType);
        var done = await Flow.FinishJobAsync(client, job);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var report = await client.GetStringAsync(done.Headers.Location);
        Assert.Contains("Lindeveld", report);
        Assert.Contains("id=\"heatmap-level\"", report);
    }

    [Fact]
    public async Task Evidence_shows_table_rows_as_tables_after_the_running_text()
    {
        const string plan = """
            <html><head><title>Ontmoetingsplan Tabeldorp</title></head><body>
            <h1>Ontmoetingsplan Tabeldorp</h1>
            <h2>Ontmoeten in de wijk</h2>
            <table><tr><th>Actie</th><th>Budget</th><th>Partner</th></tr>
            <tr><td>Wekelijkse buurtsoep in het buurthuis</td><td>18.000 euro</td><td>Buurtcomités</td></tr></table>
            <p>We organiseren wekelijks een buurtsoep in het buurthuis zodat buren elkaar regelmatig ontmoeten.</p>
            </body></html>
            """;
        using var client = _app.Browser();
        var id = await Flow.UploadPlanAsync(client, "tabeldorp.html", Encoding.UTF8.GetBytes(plan));
        var html = await client.GetStringAsync($"/documenten/{id}?dimensie=element&label=element:herhaalde-ontmoetingen");
        var paragraph = html.IndexOf("zodat buren elkaar", StringComparison.Ordinal);
        var row = html.IndexOf("<table class=\"row-cells\">", StringComparison.Ordinal);
        Assert.True(paragraph > 0 && row > 0, "both the paragraph and the table row are evidence");
        Assert.True(paragraph < row, "the paragraph comes before the table row");
        Assert.Contains("<th scope=\"col\">Partner</th>", html);
        Assert.Matches("<td>(<mark>)?Buurtcomit", html); // the model may mark the partner as evidence too
        Assert.DoesNotContain("Budget: 18.000", html); // drawn as cells, not as "header: value" text
    }

    [Fact]
    public async Task A_pdf_plan_is_read_with_page_numbers()
    {
        using var client = _app.Browser();
        var id = await Flow.UploadPlanAsync(client, "plan.pdf", Fixture("pdf", "plan.pdf"));
        var html = await client.GetStringAsync($"/documenten/{id}?dimensie=element&label=element:herhaalde-ontmoetingen");
        Assert.Contains("blz. ", html);
    }

    [Fact]
    public async Task Several_files_at_once_end_on_a_job_page_linking_every_report()
    {
        using var client = _app.Browser();
        var done = await Flow.UploadAndFinishAsync(client,
            ("lindeveld-plan.docx", Fixture("documents", "lindeveld-plan.docx")),
            ("lindeveld-plan.html", Fixture("documents", "lindeveld-plan.html")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var html = await done.Content.ReadAsStringAsync();
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "Rapport bekijken").Count);
    }

    [Fact]
    public async Task The_same_file_twice_points_to_the_stored_document()
    {
        using var client = _app.Browser();
        var first = await Flow.UploadPlanAsync(client, "a.docx", Fixture("documents", "lindeveld-plan.docx"));
        var second = await Flow.UploadPlanAsync(client, "b.docx", Fixture("documents", "lindeveld-plan.docx"));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_password_protected_pdf_fails_with_a_4xx_page_naming_the_file_and_the_reason()
    {
        using var client = _app.Browser();
        var done = await Flow.UploadAndFinishAsync(client, ("beveiligd.pdf", Fixture("pdf", "encrypted-user-password.pdf")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, done.StatusCode);
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("beveiligd.pdf", html);
        Assert.Contains("wachtwoord", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // the server keeps serving
    }

    [Fact]
    public async Task A_corrupt_pdf_fails_alone_while_the_good_file_of_the_same_upload_is_stored()
    {
        using var client = _app.Browser();
        var done = await Flow.UploadAndFinishAsync(client,
            ("kapot.pdf", Fixture("pdf", "truncated.pdf")),
            ("lindeveld-plan.docx", Fixture("documents", "lindeveld-plan.docx")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("<strong>kapot.pdf</strong> kon niet verwerkt worden", html);
        Assert.Contains("Rapport bekijken", html);
        Assert.Contains("<h1>Upload deels verwerkt</h1>", html); // not "verwerkt" as if all went well
        Assert.Contains("1 van 2 bestanden verwerkt; 1 mislukt", html);
    }

    [Fact]
    public async Task A_corrupt_docx_is_refused_at_upload_with_415_naming_the_file()
    {
        using var client = _app.Browser();
        var docx = Fixture("documents", "lindeveld-plan.docx");
        var response = await Flow.UploadAsync(client, ("half.docx", docx[..(docx.Length / 2)]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("half.docx", html);
        Assert.Contains("beschadigd", html);
    }

    [Fact]
    public async Task A_file_of_the_wrong_type_is_recognised_by_content_not_name()
    {
        using var client = _app.Browser();
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3];
        var response = await Flow.UploadAsync(client, ("plan.pdf", png));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("plan.pdf", html);
        Assert.Contains("dit is een afbeelding (PNG), geen document met tekst", html);
    }

    [Fact]
    public async Task A_text_file_named_pdf_is_refused_naming_the_extension_and_the_content()
    {
        using var client = _app.Browser();
        var response = await Flow.UploadAsync(client, ("plan.pdf", "dit is geen pdf\n"u8.ToArray()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("plan.pdf: de naam eindigt op &#x27;.pdf&#x27;, maar de inhoud is platte tekst.", html);
        Assert.DoesNotContain("dit is geen pdf", html); // refused, not stored as a plan of that title
    }

    [Fact]
    public async Task A_file_over_the_size_limit_gets_a_friendly_413()
    {
        using var client = _app.Browser();
        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Een zin over ontmoeting in de wijk. ", 10_000)));
        var response = await Flow.UploadAsync(client, ("groot.txt", big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("groot.txt", html);
        Assert.Contains("groter dan de grens", html);
    }

    [Fact]
    public async Task More_files_than_allowed_get_a_friendly_400()
    {
        using var client = _app.Browser();
        var small = Encoding.UTF8.GetBytes("Ontmoeting in de wijk.");
        var response = await Flow.UploadAsync(client, ("1.txt", small), ("2.txt", small), ("3.txt", small), ("4.txt", small));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hoogstens 3 tegelijk", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_bigger_than_all_allowed_files_together_is_refused_before_it_is_read()
    {
        using var client = _app.Browser();
        var token = await Flow.TokenAsync(client);
        var form = Flow.Files(("a.txt", new byte[700_000]), ("b.txt", new byte[700_000]), ("c.txt", new byte[700_000]));
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync("/upload", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("De upload is te groot", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_empty_upload_asks_for_a_file()
    {
        using var client = _app.Browser();
        var token = await Flow.TokenAsync(client);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var response = await client.PostAsync("/upload", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Kies eerst een of meer bestanden", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        using var client = _app.Browser();
        await client.GetAsync("/");
        var response = await client.PostAsync("/upload", Flow.Files(("plan.txt", Encoding.UTF8.GetBytes("Ontmoeting in de wijk."))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Directory.Exists(_app.UploadFolder) ? Directory.GetFiles(_app.UploadFolder) : []);
    }

    [Fact]
    public async Task A_file_name_with_a_path_is_only_a_display_name_and_nothing_is_written_outside_the_data_folder()
    {
        using var client = _app.Browser();
        var outside = Path.GetFullPath(Path.Join(_app.DataFolder, "..", "ontsnapt.txt"));
        var done = await Flow.UploadAndFinishAsync(client, ("../ontsnapt.txt", Encoding.UTF8.GetBytes("Buurtplan\n\nWe openen een ontmoetingsplek in elke wijk.")));
        Assert.True(HttpStatusCode.Redirect == done.StatusCode, await done.Content.ReadAsStringAsync());
        Assert.False(File.Exists(outside));
        var report = await client.GetStringAsync(done.Headers.Location);
        Assert.Contains("ontsnapt.txt", report);
        Assert.DoesNotContain("../ontsnapt.txt", report);
        Assert.Empty(Directory.GetFiles(_app.UploadFolder)); // temp copies are removed once read
    }

    [Fact]
    public async Task An_unknown_job_is_404()
    {
        using var client = _app.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/taken/onbekend")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/taken/onbekend/status")).StatusCode);
    }
}

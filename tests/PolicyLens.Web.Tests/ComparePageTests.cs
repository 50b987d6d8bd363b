using System.Net;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PolicyLens.Web.Tests;

/// <summary>
/// Real municipalities of the Flemish BBC export (../shared/real-docs, read there), imported
/// through the web's import form, and a newer export of one of them as its second version.
/// </summary>
public sealed partial class ImportedPlansFixture : IAsyncLifetime
{
    public static readonly string[] Municipalities = ["11001", "11002", "71001", "24062", "31005", "38014"];

    public TestApp App { get; } = new();
    public string FirstJob { get; private set; } = "";
    public string SecondJob { get; private set; } = "";

    public static string Export(string nis) =>
        Path.GetFullPath(Path.Join(Repo.Root, "..", "shared", "real-docs", "flemish-mjp-2026", "municipality", nis + ".json"));

    /// <summary>The Aartselaar export with one action text changed, as a newer export would have it.</summary>
    public static byte[] NewerAartselaar() =>
        System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(Export("11001")).Replace("nooduitgangen", "extra nooduitgangen", StringComparison.Ordinal));

    public async Task InitializeAsync()
    {
        using var client = App.Browser();
        FirstJob = await ImportAsync(client, [.. Municipalities.Select(n => (n + ".json", File.ReadAllBytes(Export(n))))]);
        SecondJob = await ImportAsync(client, [("11001-2026-02.json", NewerAartselaar())]);
    }

    [GeneratedRegex("^/importeren/([0-9a-f]{32})$")]
    private static partial Regex JobLocation();

    /// <summary>Posts the import form and waits for the job; returns the job id.</summary>
    public static async Task<string> ImportAsync(HttpClient client, (string Name, byte[] Content)[] files, string? mapping = null)
    {
        var response = await PostAsync(client, files, mapping);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = JobLocation().Match(response.Headers.Location!.ToString()).Groups[1].Value;
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            var html = await client.GetStringAsync($"/importeren/{id}").ConfigureAwait(false);
            if (!html.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal)) return id;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Import {id} did not finish.");
            await Task.Delay(200);
        }
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, (string Name, byte[] Content)[] files, string? mapping = null)
    {
        var token = await Flow.TokenAsync(client, "/importeren");
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        if (mapping is not null) form.Add(new StringContent(mapping), "mapping");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/importeren", form);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ComparePageTests(ImportedPlansFixture plans) : IClassFixture<ImportedPlansFixture>
{
    private readonly HttpClient _client = plans.App.Browser();

    private async Task<string> PageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static int Rows(string html) => Regex.Matches(html, "<th scope=\"row\" class=\"plan\"><a href=\"/documenten/").Count;

    [Fact]
    public async Task The_import_job_page_lists_every_municipality_and_the_second_export_as_a_new_version()
    {
        var first = await PageAsync($"/importeren/{plans.FirstJob}");
        Assert.Contains("6 plannen uit 6 bestanden", first);
        Assert.Contains("Meerjarenplan 2026-2031 Aartselaar", first);
        Assert.Contains("0 rijen overgeslagen", first);
        var second = await PageAsync($"/importeren/{plans.SecondJob}");
        Assert.Contains("1 nieuwe versie", second);
        Assert.Contains("nieuwe versie (2)", second);
    }

    [Fact]
    public async Task Importing_the_same_export_again_changes_nothing()
    {
        var id = await ImportedPlansFixture.ImportAsync(_client, [("24062.json", File.ReadAllBytes(ImportedPlansFixture.Export("24062")))]);
        var html = await PageAsync($"/importeren/{id}");
        Assert.Contains("0 nieuw, 0 nieuwe versie,\n        1 ongewijzigd", html.Replace("\r", ""));
    }

    [Fact]
    public async Task An_imported_plan_opens_as_a_report_with_its_goals_action_plans_and_actions()
    {
        var all = await PageAsync("/vergelijken");
        var id = Regex.Match(all, "<a href=\"/documenten/(\\d+)\" title=\"Meerjarenplan 2026-2031 Brugge\"").Groups[1].Value;
        var html = await PageAsync($"/documenten/{id}");
        Assert.Contains("Meerjarenplan 2026-2031 Brugge", html);
        Assert.Contains("Beleidsdoelstelling ", html);
        Assert.Contains("Actieplan ", html);
        Assert.Contains("JSON-tabel", await PageAsync("/"));
    }

    [Fact]
    public async Task A_zip_of_exports_imports_every_table_in_it_and_names_what_it_leaves_out()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var nis in new[] { "11002", "31005", "38014" })
                zip.CreateEntryFromFile(ImportedPlansFixture.Export(nis), $"municipality/{nis}.json");
            using var note = new StreamWriter(zip.CreateEntry("LEESMIJ.txt").Open());
            note.Write("geen tabel");
        }
        var id = await ImportedPlansFixture.ImportAsync(_client, [("export.zip", buffer.ToArray())]);
        var html = await PageAsync($"/importeren/{id}");
        Assert.Contains("3 plannen uit 3 bestanden", html);
        Assert.Contains("3 ongewijzigd", html); // the same municipalities as the fixture imported
        Assert.Contains("export.zip/LEESMIJ.txt: geen CSV-, XLSX- of JSON-bestand", html);
    }

    [Fact]
    public async Task A_file_that_is_no_table_is_refused_with_the_reason()
    {
        var response = await ImportedPlansFixture.PostAsync(_client, [("plan.json", File.ReadAllBytes(Repo.Fixture("documents", "lindeveld-plan.docx")))]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Word-document", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task All_eleven_elements_have_a_column_with_an_abbreviated_header_and_the_full_name_for_hover_focus_and_screen_readers()
    {
        var html = await PageAsync("/vergelijken");
        var headers = Regex.Matches(html, "<th scope=\"col\" class=\"label\"[^>]*><a href=\"[^\"]+\" title=\"([^\"]+) – sorteer\" data-full=\"([^\"]+)\"><span aria-hidden=\"true\">([^<]+)</span><span class=\"visually-hidden\">([^<]+)</span>");
        Assert.Equal(11, headers.Count);
        Assert.All(headers, h =>
        {
            Assert.Equal(h.Groups[1].Value, h.Groups[2].Value);
            Assert.Equal(h.Groups[1].Value, h.Groups[4].Value);
            Assert.True(h.Groups[3].Value.Length <= 10, h.Groups[3].Value);
        });
        Assert.Contains("<th scope=\"col\" class=\"muni\"", html);
        Assert.Contains("<td class=\"muni\">Aalst</td>", html);
        Assert.Contains("<td class=\"prov\">Oost-Vlaanderen</td>", html); // corrected NIS code 41002, not Limburg
        Assert.Equal(6, Rows(html)); // the newest version of each plan only
        Assert.Contains("versie 2 van 2", html);
    }

    [Fact]
    public async Task Filters_by_province_municipality_year_type_and_failed_check_narrow_the_plans()
    {
        var antwerp = await PageAsync("/vergelijken?provincie=Antwerpen");
        Assert.Equal(2, Rows(antwerp));
        Assert.Contains("2 plannen van de 6", antwerp);
        Assert.Equal(1, Rows(await PageAsync("/vergelijken?gemeente=leuv")));
        Assert.Equal(6, Rows(await PageAsync("/vergelijken?jaar=2026&type=meerjarenplan")));
        Assert.Contains("Geen enkel plan voldoet aan deze filters.", await PageAsync("/vergelijken?jaar=2019"));
        var all = await PageAsync("/vergelijken");
        var check = Regex.Match(all, "<select id=\"f-faalt\" name=\"faalt\">\\s*<option value=\"\">[^<]*</option>\\s*<option value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(check);
        var failing = await PageAsync($"/vergelijken?faalt={check}");
        Assert.True(Rows(failing) <= 6);
        Assert.Contains($"<option value=\"{check}\" selected=\"selected\">", failing);
    }

    [Fact]
    public async Task Older_versions_are_listed_under_their_newest_on_request_and_never_counted()
    {
        var html = await PageAsync("/vergelijken?versies=alle");
        Assert.Equal(7, Rows(html));
        Assert.Contains("6 plannen (en 1 oudere versie)", html);
        Assert.Contains("<tr class=\"older\">", html);
        var newest = html.IndexOf("versie 2 van 2", StringComparison.Ordinal);
        var older = html.IndexOf("versie 1 van 2", StringComparison.Ordinal);
        Assert.True(newest > 0 && older > newest, "the older version follows the newest");
        Assert.Contains("/6</span></span></td>", html); // shares count six plans, not seven
    }

    [Fact]
    public async Task Every_column_sorts_and_sorting_again_turns_the_order_round()
    {
        int Position(string html, string municipality) => html.IndexOf($"<td class=\"muni\">{municipality}</td>", StringComparison.Ordinal);
        var up = await PageAsync("/vergelijken?sort=gemeente&richting=op");
        Assert.True(Position(up, "Aalst") < Position(up, "Leuven"));
        Assert.Contains("aria-sort=\"ascending\"", up);
        Assert.Contains("href=\"/vergelijken?sort=gemeente&amp;richting=af\"", up);
        var down = await PageAsync("/vergelijken?sort=gemeente&richting=af");
        Assert.True(Position(down, "Aalst") > Position(down, "Leuven"));
        foreach (var key in new[] { "titel", "provincie", "jaar", "dekking", "element:bezig-zijn" })
            Assert.Contains("aria-sort=\"descending\"", await PageAsync($"/vergelijken?sort={Uri.EscapeDataString(key)}&richting=af"));
    }

    [Fact]
    public async Task One_plan_is_benchmarked_against_all_with_its_place_and_percentile()
    {
        var all = await PageAsync("/vergelijken");
        var id = Regex.Match(all, "<a href=\"/documenten/(\\d+)\" title=\"Meerjarenplan 2026-2031 Leuven\"").Groups[1].Value;
        var html = await PageAsync($"/vergelijken?ijk={id}");
        Assert.Contains("Meerjarenplan 2026-2031 Leuven afgezet tegen de andere plannen", html);
        Assert.Matches("Plaats \\d van de 6 gemeenten: \\d dekt|dekken minder, \\d evenveel en \\d meer \\(percentiel \\d+\\)", html);
        Assert.Matches("\\d van de 6 gemeenten</td>", html);
        Assert.Contains("<tr class=\" benchmarked\">", html);
    }

    [Fact]
    public async Task The_chart_of_shares_per_element_and_status_is_drawn_on_the_server_without_style_attributes()
    {
        var html = await PageAsync("/vergelijken");
        var svg = Regex.Match(html, "<svg class=\"chart\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Contains("role=\"img\"", svg);
        Assert.Contains("aandeel van de 6 plannen per status", svg);
        Assert.Equal(11, Regex.Matches(svg, "<text class=\"bar-label\"").Count);
        Assert.Matches("<rect class=\"seg st-uitgewerkt\"[^>]*><title>[^<]+: uitgewerkt in \\d van 6 plannen", svg);
        Assert.DoesNotContain("style=", svg);
        Assert.DoesNotContain("<script", svg);
    }

    [Fact]
    public async Task The_page_has_a_scroll_region_with_a_hint_for_narrow_screens()
    {
        var html = await PageAsync("/vergelijken");
        Assert.Contains("<p class=\"scroll-hint no-print\" id=\"scroll-hint\" aria-hidden=\"true\">", html);
        Assert.Contains("aria-describedby=\"scroll-hint\" data-scroll-region", html);
    }

    [Fact]
    public async Task The_xlsx_export_of_a_filtered_view_holds_its_plans_with_a_sheet_per_dimension_and_one_for_checks()
    {
        var response = await _client.GetAsync("/vergelijken/export/xlsx?provincie=Antwerpen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal("Werkzame elementen", sheets[0]);
        Assert.Contains("Controles", sheets);
        var part = (WorksheetPart)doc.WorkbookPart.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var municipalities = part.Worksheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value!.StartsWith('A'))?.InnerText)
            .Where(t => t is "Aartselaar" or "Antwerpen" or "Aalst" or "Leuven").ToList();
        Assert.Equal(["Aartselaar", "Antwerpen"], municipalities);
    }

    [Fact]
    public async Task The_csv_export_has_the_numbers_of_the_page_with_semicolons_decimal_commas_and_a_byte_order_mark_by_default()
    {
        var response = await _client.GetAsync("/vergelijken/export/csv?gemeente=leuven");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        var header = lines[0].Split(';');
        var fields = lines[1].Split(';');
        Assert.Equal("Leuven", fields[Array.IndexOf(header, "gemeente")]);
        Assert.Equal("Vlaams-Brabant", fields[Array.IndexOf(header, "provincie")]);
        var busy = Array.IndexOf(header, "element:bezig-zijn passages");
        // The same passages and statuses as the page's cells, element by element.
        var page = await PageAsync("/vergelijken?gemeente=leuven");
        var cells = Regex.Matches(page, "(\\d+)<span class=\"visually-hidden\"> passages, (\\w+)</span>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        var fromCsv = header.Select((h, i) => (h, i)).Where(x => x.h.StartsWith("element:", StringComparison.Ordinal) && x.h.EndsWith(" passages", StringComparison.Ordinal))
            .Select(x => (fields[x.i], fields[x.i + 1])).ToList();
        Assert.Equal(11, cells.Count);
        Assert.Equal(cells, fromCsv);
        Assert.True(busy > 0);
        Assert.DoesNotMatch("\\d\\.\\d", fields[Array.IndexOf(header, "element:bezig-zijn sterkte")]);

        var plain = await (await _client.GetAsync("/vergelijken/export/csv?gemeente=leuven&scheiding=komma&decimaal=punt")).Content.ReadAsStringAsync();
        Assert.StartsWith("document_id,gemeente,", plain.TrimStart('\uFEFF'));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/vergelijken/export/csv?scheiding=komma&decimaal=komma")).StatusCode);
    }

    [Theory]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("html", "text/html")]
    [InlineData("md", "text/markdown")]
    public async Task The_comparison_report_exports_with_its_headline_findings(string format, string contentType)
    {
        var response = await _client.GetAsync($"/vergelijken/export/{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        string text;
        if (format == "docx")
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            text = doc.MainDocumentPart!.Document.Body!.InnerText;
        }
        else text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("Belangrijkste bevindingen", text);
        Assert.Contains("Het vaakst ontbrekend", text);
        Assert.Contains("Aartselaar", text);
    }
}

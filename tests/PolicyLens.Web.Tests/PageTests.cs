using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Tests;

/// <summary>Every page renders from real uploaded plans, in Dutch, with encoded document text.</summary>
public sealed partial class PageTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private readonly HttpClient _client = plans.App.Browser();

    private async Task<string> PageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{body}");
        return body;
    }

    [GeneratedRegex("href=\"(/documenten/\\d+\\?[^\"]*matrix=level[^\"]*)\"")]
    private static partial Regex CellLink();

    [Fact]
    public async Task The_home_page_explains_PolicyLens_and_lists_the_plans_with_a_coverage_bar()
    {
        var html = await PageAsync("/");
        Assert.Contains("PolicyLens leest gemeentelijke beleidsplannen", html);
        Assert.Contains("enctype=\"multipart/form-data\"", html);
        Assert.Contains($"href=\"/documenten/{plans.Lindeveld}\"", html);
        Assert.Contains("Scriptdorp", html); // municipality taken from the title
        Assert.Contains("<svg class=\"bar\"", html);
        Assert.Matches("aria-label=\"\\d+ uitgewerkt, \\d+ genoemd, \\d+ afwezig van 11\"", html);
    }

    [Fact]
    public async Task The_report_shows_header_heatmap_types_gaps_checks_and_outline()
    {
        var html = await PageAsync($"/documenten/{plans.Lindeveld}");
        Assert.Contains("id=\"heatmap-level\"", html);
        Assert.Contains("<th scope=\"col\">universele preventie</th>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("herhaalde ontmoetingen", html);
        Assert.Contains("Soorten eenzaamheid", html);
        Assert.Contains("Lacunes en suggesties", html);
        Assert.DoesNotContain("Gaten", html);
        Assert.Contains("<h2 id=\"controles-kop\">Controles</h2>", html);
        Assert.Contains("<ul class=\"checklist\">", html);
        Assert.Contains("class=\"outline\"", html);
        Assert.Contains("Sociale verbondenheid in al het beleid", html);
        Assert.DoesNotContain("id=\"bewijs\"", html); // no evidence until a cell is chosen
    }

    [Fact]
    public async Task The_report_opens_with_the_summary_and_keeps_version_details_for_the_colophon()
    {
        var html = await PageAsync($"/documenten/{plans.Lindeveld}");
        int At(string text) => html.IndexOf(text, StringComparison.Ordinal) is var i and >= 0 ? i : throw new Xunit.Sdk.XunitException($"'{text}' is missing");
        Assert.True(At("id=\"samenvatting\"") < At("id=\"heatmap\""));
        Assert.True(At("id=\"heatmap\"") < At("id=\"lacunes\""));
        Assert.True(At("id=\"lacunes\"") < At("id=\"controles\""));
        Assert.Contains("werkzame elementen tegen eenzaamheid uit", html);
        Assert.True(At("controles op het kader") < At("id=\"heatmap\"")); // the summary names the checks that fail or says all pass
        Assert.True(At("sha256:") > At("Colofon"));
    }

    [Fact]
    public async Task Every_heatmap_cell_explains_its_status_and_the_legend_gives_the_rule()
    {
        var html = await PageAsync($"/documenten/{plans.Lindeveld}");
        Assert.Contains("Hoe de stand wordt bepaald", html);
        Assert.Contains("Uitgewerkt: het plan komt er in minstens 3 passages lopende tekst op terug", html);
        var table = html[html.IndexOf("id=\"heatmap-level\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var cells = Regex.Matches(table, "<td class=\"cell s-(uitgewerkt|genoemd|afwezig)");
        var tips = Regex.Matches(table, "<span class=\"tip\" role=\"tooltip\" aria-hidden=\"true\">(Uitgewerkt|Genoemd|Afwezig): ");
        Assert.Equal(11 * 4, cells.Count);
        Assert.Equal(cells.Count, tips.Count);
        Assert.Equal(cells.Count, Regex.Matches(table, "<span class=\"why\"").Count); // printed instead of the tooltip
    }

    [Fact]
    public async Task The_summary_has_server_drawn_accessible_charts()
    {
        var html = await PageAsync($"/documenten/{plans.Lindeveld}");
        Assert.Contains("<svg class=\"chart status-bars\" role=\"img\" aria-labelledby=\"chart-elementen-t chart-elementen-d\"", html);
        Assert.Matches("<desc id=\"chart-elementen-d\">[^<]*herhaalde ontmoetingen: \\d+ passages? lopende tekst, (uitgewerkt|genoemd)", html);
        Assert.Equal(11, Regex.Matches(html, "<text class=\"value\" x=\"\\d+\" y=\"\\d+\">\\d+ · ").Count(m => m.Index < html.IndexOf("chart-dimensies", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Mentioned_gaps_are_advice_to_deepen_and_absent_ones_to_add()
    {
        var html = await PageAsync($"/documenten/{plans.Lindeveld}");
        Assert.Contains("Ontbreekt: toevoegen", html);
        Assert.Contains("Genoemd: verdiepen", html);
        Assert.Contains("maar werkt het niet uit. Verdiep het:", html);
        Assert.Contains("Overweeg dit toe te voegen", html);
    }

    [Fact]
    public async Task Clicking_a_heatmap_cell_shows_its_passages_with_the_matched_words_marked_and_page_numbers()
    {
        var report = await PageAsync($"/documenten/{plans.Lindeveld}");
        var link = WebUtility.HtmlDecode(CellLink().Match(report).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(link), "the heatmap has at least one non-empty cell link");
        var html = await PageAsync(link);
        Assert.Contains("id=\"bewijs\"", html);
        Assert.Matches("<article class=\"evidence( evidence-row)?\" id=\"p-\\d+\">", html);
        Assert.Contains("<mark>", html);
        Assert.Contains(" selected\"", html);
        Assert.Contains("passage ", html);
    }

    [Fact]
    public async Task A_label_link_shows_the_evidence_of_that_label_and_the_filter_switches_dimension()
    {
        var html = await PageAsync($"/documenten/{plans.Lindeveld}?dimensie=age&label=element:herhaalde-ontmoetingen");
        Assert.Contains("Bewijs: Werkzame elementen: herhaalde ontmoetingen", html);
        Assert.Contains("<caption>Leeftijdsgroepen</caption>", html);
        Assert.Contains("aria-current=\"page\">Leeftijdsgroepen</a>", html);
    }

    [Fact]
    public async Task A_check_in_the_checklist_links_to_the_passages_it_rests_on()
    {
        var report = await PageAsync($"/documenten/{plans.Scriptdorp}");
        Assert.Matches("<li class=\"check-(in-orde|waarschuwing|aandacht|info|niet-van-toepassing)\" id=\"controle-age-gap\">", report);
        // Whichever check has evidence, its link opens that evidence under "Bewijs".
        var link = WebUtility.HtmlDecode(Regex.Match(report, "href=\"(/documenten/\\d+\\?[^\"]*controle=[a-z-]+[^\"#]*)").Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(link));
        var html = await PageAsync(link);
        Assert.Contains("Bewijs: Controle: ", html);
        Assert.Contains("class=\"evidence", html);
    }

    [Fact]
    public async Task An_unknown_document_or_bad_query_gives_a_friendly_404_not_an_error()
    {
        var html = await PageAsync("/documenten/999999", HttpStatusCode.NotFound);
        Assert.Contains("Niet gevonden", html);
        await PageAsync($"/documenten/{plans.Lindeveld}?matrix=level&rij=../../etc&kolom=x&passage=-5&dimensie=%3Cscript%3E");
        await PageAsync("/documenten/abc", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_passage_containing_a_script_tag_is_shown_as_text()
    {
        var html = await PageAsync($"/documenten/{plans.Scriptdorp}?dimensie=element&label=element:herhaalde-ontmoetingen");
        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.DoesNotContain("<script>alert(", html);
        var search = await PageAsync("/zoeken?q=buurtsoep");
        Assert.Contains("&lt;script&gt;", search);
        Assert.DoesNotContain("<script>alert(", search);
    }

    [Theory]
    [InlineData("csv", "text/csv", "document_id,titel,dimensie")]
    [InlineData("json", "application/json", "{")]
    [InlineData("html", "text/html", "<html")]
    [InlineData("md", "text/markdown", "#")]
    public async Task A_report_exports_as_text_formats(string format, string contentType, string start)
    {
        var response = await _client.GetAsync($"/documenten/{plans.Lindeveld}/export/{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith("." + format, response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(start, body);
        Assert.Contains("herhaalde", body);
    }

    [Fact]
    public async Task A_report_exports_as_pdf_and_as_word_with_the_full_evidence_as_appendix()
    {
        Assert.True(PolicyLens.Web.Infrastructure.ExportService.Pdf.IsAvailable, "The PDF export needs LibreOffice; run scripts/install-deps.sh.");
        var pdf = await _client.GetAsync($"/documenten/{plans.Lindeveld}/export/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..5]);

        var plain = await _client.GetByteArrayAsync($"/documenten/{plans.Lindeveld}/export/docx");
        var full = await _client.GetAsync($"/documenten/{plans.Lindeveld}/export/docx?bijlage=1");
        Assert.EndsWith("-met-bijlage.docx", full.Content.Headers.ContentDisposition!.FileNameStar ?? full.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.True((await full.Content.ReadAsByteArrayAsync()).Length > plain.Length);
        Assert.Contains("export/docx?bijlage=1", await PageAsync($"/documenten/{plans.Lindeveld}"));
    }

    [Theory]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/document.xml")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/workbook.xml")]
    public async Task A_report_exports_as_office_files_that_open(string format, string contentType, string part)
    {
        var response = await _client.GetAsync($"/documenten/{plans.Lindeveld}/export/{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.NotNull(zip.GetEntry(part));
    }

    [Fact]
    public async Task A_comparison_exports_as_an_excel_workbook()
    {
        var response = await _client.GetAsync($"/vergelijken/export/xlsx?ids={plans.Lindeveld}&ids={plans.Scriptdorp}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
    }

    [Fact]
    public async Task An_unknown_export_format_is_404()
    {
        var response = await _client.GetAsync($"/documenten/{plans.Lindeveld}/export/exe");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Compare_shows_every_plan_against_the_labels_with_the_share_of_plans()
    {
        var html = await PageAsync("/vergelijken");
        Assert.Contains("Aandeel plannen dat het label dekt", html);
        Assert.Contains($"href=\"/documenten/{plans.Lindeveld}\"", html);
        Assert.Contains($"href=\"/documenten/{plans.Scriptdorp}\"", html);
        Assert.Matches("\\d+%", html);
        Assert.Contains("#bewijs", html); // cells click through to evidence
    }

    [Fact]
    public async Task Compare_lists_per_check_which_plans_fail_it()
    {
        var html = await PageAsync("/vergelijken");
        Assert.Contains("<h2 id=\"controles-kop\">Controles</h2>", html);
        Assert.Contains("Leeftijdsgroepen in de aanpak van eenzaamheid", html);
        // A failing plan links to the check's evidence in its own report.
        Assert.Matches("href=\"/documenten/\\d+\\?controle=[a-z-]+#bewijs\"", html);
    }

    [Fact]
    public async Task The_compare_matrix_scrolls_in_its_own_region_with_titles_numbers_and_labels_in_separate_cells()
    {
        var html = await PageAsync("/vergelijken?dimensie=domain");
        Assert.Matches("<div class=\"matrix-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"matrix-caption\"[^>]*>\\s*<table class=\"compare\">", html);
        Assert.Contains("<td class=\"covered\">", html);
        var labels = System.Text.RegularExpressions.Regex.Matches(html, "<th scope=\"col\" class=\"label\"[^>]*><a [^>]*title=\"[^\"]+ – sorteer\" data-full=\"[^\"]+\">");
        Assert.True(labels.Count >= 10, $"every domain label has its own header with a tooltip, found {labels.Count}");
    }

    [Fact]
    public async Task Compare_sorts_on_the_server_by_a_label_and_by_title()
    {
        var byLabel = await PageAsync($"/vergelijken?ids={plans.Lindeveld}&ids={plans.Scriptdorp}&sort=element:herhaalde-ontmoetingen&richting=op");
        Assert.Contains("aria-sort=\"ascending\"", byLabel);
        var byTitleDown = await PageAsync($"/vergelijken?ids={plans.Lindeveld}&ids={plans.Scriptdorp}&sort=titel&richting=af");
        var byTitleUp = await PageAsync($"/vergelijken?ids={plans.Lindeveld}&ids={plans.Scriptdorp}&sort=titel&richting=op");
        int Position(string html, long id) => html.IndexOf($"<th scope=\"row\" class=\"plan\"><a href=\"/documenten/{id}\"", StringComparison.Ordinal);
        Assert.True(Position(byTitleDown, plans.Lindeveld) >= 0 && Position(byTitleDown, plans.Scriptdorp) >= 0);
        Assert.Equal(Position(byTitleDown, plans.Lindeveld) < Position(byTitleDown, plans.Scriptdorp),
            Position(byTitleUp, plans.Lindeveld) > Position(byTitleUp, plans.Scriptdorp));
    }

    [Fact]
    public async Task Compare_with_a_chosen_plan_shows_only_that_plan()
    {
        var html = await PageAsync($"/vergelijken?ids={plans.Scriptdorp}&dimensie=type");
        Assert.Contains("1 plan", html);
        Assert.DoesNotContain($"class=\"plan\"><a href=\"/documenten/{plans.Lindeveld}\"", html);
        Assert.Contains("Soorten eenzaamheid", html);
    }

    [Fact]
    public async Task Compare_says_so_when_none_of_the_chosen_plans_exists()
    {
        var html = await PageAsync("/vergelijken?ids=987654");
        Assert.Contains("Geen van de gekozen plannen bestaat (nog).", html);
        Assert.DoesNotContain("<table class=\"compare\"", html);
    }

    [Fact]
    public async Task Check_evidence_emphasises_the_tags_of_the_dimension_the_check_reads()
    {
        var html = await PageAsync($"/documenten/{plans.Lindeveld}?controle=age-gap");
        Assert.Contains("id=\"bewijs\"", html);
        var emphasised = System.Text.RegularExpressions.Regex.Matches(html, "<li class=\"match\"><span class=\"dim\">([^<:]+):</span>");
        Assert.NotEmpty(emphasised);
        Assert.All(emphasised, m => Assert.Equal("Leeftijdsgroepen", m.Groups[1].Value));
    }

    [Fact]
    public async Task Strength_prints_with_a_decimal_comma()
    {
        var html = await PageAsync($"/documenten/{plans.Lindeveld}?dimensie=element");
        Assert.Matches("<td class=\"num\" data-label=\"Sterkte\">\\d+,\\d</td>", html); // the plan has fractional strengths
        Assert.DoesNotMatch("<td class=\"num\" data-label=\"Sterkte\">\\d+\\.\\d</td>", html);
    }

    [Theory]
    [InlineData("csv", "text/csv", "document_id")]
    [InlineData("json", "application/json", "{")]
    public async Task A_comparison_exports_as_text_formats(string format, string contentType, string start)
    {
        var response = await _client.GetAsync($"/vergelijken/export/{format}?ids={plans.Lindeveld}&ids={plans.Scriptdorp}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith(start, body.TrimStart('\uFEFF'));
        Assert.Contains("Scriptdorp", body);
    }

    [Fact]
    public async Task Search_finds_passages_with_the_words_marked_and_links_to_the_passage()
    {
        var html = await PageAsync("/zoeken?q=buurtsoep");
        Assert.Contains("<mark>buurtsoep</mark>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Matches($"href=\"/documenten/{plans.Scriptdorp}\\?passage=\\d+#p-\\d+\"", html);
    }

    [Fact]
    public async Task Search_takes_any_text_without_error()
    {
        var html = await PageAsync("/zoeken?q=%22%28%29+NEAR+OR+*+%3Cb%3E");
        Assert.Contains("Geen resultaten", html);
        await PageAsync("/zoeken");
    }

    [Fact]
    public async Task The_passage_link_from_search_shows_that_passage_in_the_report()
    {
        var search = await PageAsync("/zoeken?q=buurtsoep");
        var link = WebUtility.HtmlDecode(Regex.Match(search, "href=\"(/documenten/\\d+\\?passage=\\d+)#").Groups[1].Value);
        var html = await PageAsync(link);
        Assert.Contains("Bewijs: Passage", html);
        Assert.Contains("buurtsoep", html);
    }

    [Fact]
    public async Task The_rules_page_shows_labels_descriptions_terms_and_examples_per_dimension()
    {
        var html = await PageAsync("/regels");
        Assert.Contains("herhaalde ontmoetingen", html);
        Assert.Contains("element.herhaalde-ontmoetingen", html);
        Assert.Contains("Voorbeelden", html);
        var levels = await PageAsync("/regels?dimensie=level");
        Assert.Contains("level.geindiceerd", levels);
    }

    [Fact]
    public async Task The_rules_page_lists_the_plan_checks_with_their_expressions_and_explanations()
    {
        var html = WebUtility.HtmlDecode(await PageAsync("/regels"));
        Assert.Contains("Controles op plannen", html);
        Assert.Contains("id=\"controle-neglected-fields\"", html);
        Assert.Contains("checks/beleidsdomeinen.json", html);
        Assert.Contains("<code>!ontbreekt.Any()</code>", html);
        Assert.Contains("velden.Where(v => !v.Present && !plan.Label[\"domain:\" + v.Id].Present)", html);
        Assert.Contains("De wetenschappelijke adviescommissie noemt onderwijs, werk en zorg", html);
    }

    [Fact]
    public async Task Trying_a_sentence_shows_its_tags_and_marked_evidence()
    {
        var token = await Flow.TokenAsync(_client, "/regels");
        var response = await _client.PostAsync("/regels", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "We organiseren wekelijks een buurtsoep in het dienstencentrum waar buren elkaar ontmoeten.",
            ["heading"] = "",
            ["__RequestVerificationToken"] = token,
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Toegekende labels", html);
        Assert.Contains("herhaalde ontmoetingen", html);
        Assert.Contains("<mark>", html);
    }

    [Fact]
    public async Task Trying_a_sentence_without_the_antiforgery_token_is_refused()
    {
        await _client.GetAsync("/regels");
        var response = await _client.PostAsync("/regels", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "Een zin." }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het formulier was verlopen", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_status_page_reports_pdf_support_rules_and_database()
    {
        var html = await PageAsync("/status");
        Assert.Contains("PDF-ondersteuning", html);
        Assert.Contains("sha256:", html);
        Assert.Contains(plans.App.DataFolder, html);
        Assert.Contains("Schemaversie", html);
        Assert.Matches("<dt>Plannen</dt><dd>\\d+</dd>", html);
    }

    [Fact]
    public async Task Retagging_from_the_status_page_reports_what_it_did()
    {
        var token = await Flow.TokenAsync(_client, "/status");
        var response = await _client.PostAsync("/status?handler=Retag", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        // It runs in the background (a closed browser no longer stops it); the status page shows progress, then the result.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/status#opnieuw", response.Headers.Location!.ToString());
        await plans.App.Services.GetRequiredService<RetagService>().WhenIdle();
        var status = await _client.GetStringAsync("/status");
        Assert.Contains("opnieuw geanalyseerd", status);
        Assert.DoesNotContain("http-equiv=\"refresh\"", status);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/vergelijken")]
    [InlineData("/zoeken?q=ontmoeting")]
    [InlineData("/regels")]
    [InlineData("/status")]
    [InlineData("/documenten/1")]
    [InlineData("/bestaat-niet")]
    public async Task Every_page_sends_the_security_headers_and_has_no_inline_script(string url)
    {
        var response = await _client.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
        Assert.DoesNotMatch("\\sstyle=\"", html);
        Assert.DoesNotMatch("\\son[a-z]+=\"", html);
    }

    [Fact]
    public async Task The_stylesheets_and_scripts_are_served()
    {
        foreach (var path in new[] { "/css/site.css", "/css/print.css", "/js/upload.js", "/js/job.js", "/js/compare.js" })
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(path)).StatusCode);
    }
}

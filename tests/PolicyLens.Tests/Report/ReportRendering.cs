using System.Text.Json;
using PolicyLens.Coverage;
using PolicyLens.Report;
using PolicyLens.Tests.Coverage;

namespace PolicyLens.Tests.Report;

public class ReportRendering
{
    private static readonly PlanReport Report = new PlanReportBuilder().Build(ReportBuilding.SamplePlan());

    [Fact]
    public void Markdown_has_the_Dutch_sections_in_order()
    {
        var md = new MarkdownReportRenderer().Render(Report);
        string[] sections = ["# Rapport: Testplan", "## Samenvatting", "## Hoe de stand wordt bepaald", "## Werkzame elementen × preventieniveau",
            "## Lacunes en suggesties", "## Controles", "## Dekking per dimensie", "### Werkzame elementen",
            "## Sociale verbondenheid in al het beleid", "## Opbouw van het plan", "## Bewijs per label", "## Colofon"];
        var at = 0;
        foreach (var section in sections)
        {
            var found = md.IndexOf(section, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{section}' is missing or out of order");
            at = found + section.Length;
        }
        Assert.Contains("| herhaalde-ontmoetingen (nl) | uitgewerkt | 1 (+1 kop) |", md);
        Assert.Contains("- Doe iets aan maatschappelijk-vertrouwen.", md);
    }

    [Fact]
    public void The_rule_set_version_is_in_the_colophon_not_the_header()
    {
        var md = new MarkdownReportRenderer().Render(Report);
        var html = new HtmlReportRenderer().Render(Report);
        Assert.True(md.IndexOf("sha256:test", StringComparison.Ordinal) > md.IndexOf("## Colofon", StringComparison.Ordinal));
        Assert.True(html.IndexOf("sha256:test", StringComparison.Ordinal) > html.IndexOf("<h2>Colofon</h2>", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_heatmap_cell_shows_its_count_status_and_reason()
    {
        var md = new MarkdownReportRenderer().Render(Report);
        var html = new HtmlReportRenderer().Render(Report);
        Assert.Contains("| herhaalde-ontmoetingen (nl) | 1 · uitgewerkt | 0 · afwezig | 0 · afwezig | 1 (+1 kop) · uitgewerkt |", md);
        Assert.Contains("tellen niet op tot het element in het hele plan", md);
        Assert.Contains("<td class=\"cell s-uitgewerkt\" title=\"Uitgewerkt: concreet gemaakt in een actie, 1 passage lopende tekst.\">", html);
        Assert.Contains("title=\"Uitgewerkt: concreet gemaakt in een actie, 1 passage lopende tekst; daarnaast 1 kop.\">", html);
        Assert.Contains("<span class=\"why\">concrete actie</span>", html);
    }

    [Fact]
    public void Markdown_escapes_document_text_and_bolds_the_matched_words()
    {
        var md = new MarkdownReportRenderer().Render(Report);
        Assert.Contains("een **maatje** \\| met \\*sterretjes\\* \\<script\\>", md);
        Assert.DoesNotContain("<script>", md);
        Assert.Contains("We openen drie **buurtpunten** waar buren elkaar **ontmoeten**.", md);
        Assert.Contains("> — p. 1, BD 1 Niemand alleen › Actie 1.1.1 Buurtpunten · gevonden: buurtpunten, ontmoeten", md);
    }

    [Fact]
    public void Html_is_standalone_and_encodes_every_document_text()
    {
        var html = new HtmlReportRenderer().Render(Report);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Contains("<style>", html);
        Assert.Contains("@media print", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("BD 2 Wonen, werken &amp; leven", html);
        Assert.Contains("<mark>maatje</mark>", html);
        Assert.Contains("<h2>Lacunes en suggesties</h2>", html);
    }

    [Fact]
    public void Html_encodes_a_hostile_title_and_file_name()
    {
        var coverage = new CoverageAnalyzer().Analyze(
            new PlanInfo("<img src=x onerror=alert(1)>", "\"><b>.docx", "<i>stad</i>", null, "v1"),
            new PlanBuilder().Heading(1, "H").Text("tekst").Passages, Labels.All);
        var html = new HtmlReportRenderer().Render(new PlanReportBuilder().Build(coverage));
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<i>stad", html);
        Assert.DoesNotContain("\"><b>", html);
    }

    [Fact]
    public void Ingestion_warnings_stand_in_the_header_of_every_text_report()
    {
        const string warning = "plan.pdf: only the first 2000 of 5000 pages were read.";
        var coverage = new CoverageAnalyzer().Analyze(new PlanInfo("Plan", "plan.pdf", null, 5000, "v1", warnings: [warning]),
            new PlanBuilder().Heading(1, "H").Text("tekst").Passages, Labels.All);
        var report = new PlanReportBuilder().Build(coverage);
        var md = new MarkdownReportRenderer().Render(report);
        Assert.True(md.IndexOf(warning, StringComparison.Ordinal) is var at and > 0 && at < md.IndexOf("## Samenvatting", StringComparison.Ordinal));
        Assert.Contains(ReportText.WarningsLead, md);
        var html = new HtmlReportRenderer().Render(report);
        Assert.True(html.IndexOf(warning, StringComparison.Ordinal) is var h and > 0 && h < html.IndexOf("<h2>Samenvatting", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(new JsonReportRenderer().Render(report));
        Assert.Equal(warning, json.RootElement.GetProperty("plan").GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public void Json_has_stable_property_names_and_lower_case_statuses()
    {
        var json = new JsonReportRenderer().Render(Report);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(["plan", "summary", "dimensions", "matrices", "gaps", "checks", "chapters", "outline", "evidence", "advice", "statusRule"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["paragraphs", "workedOut", "thin", "missing", "failingChecks", "text"], root.GetProperty("advice").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["title", "fileName", "municipality", "pageCount", "ruleSetVersion", "documentId", "warnings"],
            root.GetProperty("plan").EnumerateObject().Select(p => p.Name));
        var row = root.GetProperty("dimensions")[0].GetProperty("rows")[0];
        Assert.Equal(["key", "id", "name", "status", "statusText", "passages", "strength", "share", "sections", "counts", "reason", "explanation"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["text", "headings", "tableRows", "total"], row.GetProperty("counts").EnumerateObject().Select(p => p.Name));
        var meeting = root.GetProperty("dimensions")[0].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "element:herhaalde-ontmoetingen");
        Assert.Equal("uitgewerkt", meeting.GetProperty("status").GetString());
        var check = root.GetProperty("checks")[0];
        Assert.Equal(["id", "title", "status", "statusText", "severity", "message", "explanation", "passages", "failed"], check.EnumerateObject().Select(p => p.Name));
        Assert.Equal("chapters-serve-elements", check.GetProperty("id").GetString());
        Assert.Equal("waarschuwing", check.GetProperty("status").GetString());
        Assert.Equal("niet-van-toepassing", root.GetProperty("checks")[1].GetProperty("status").GetString());
        Assert.Equal(["ordinal", "page", "headingPath"], check.GetProperty("passages")[0].EnumerateObject().Select(p => p.Name));
        var evidence = root.GetProperty("evidence")[0].GetProperty("passages")[0];
        Assert.Equal(["ordinal", "page", "headingPath", "text", "score", "spans", "matchedTerms", "kind"], evidence.EnumerateObject().Select(p => p.Name));
        Assert.Contains("<script>", json.Replace("\\u003C", "<", StringComparison.Ordinal)); // JSON keeps the text; encoding is the viewer's job
    }
}

public class ComparisonRendering
{
    private static ComparisonReport Sample()
    {
        PlanCoverage Plan(PlanInfo info, params string[] tags)
        {
            var builder = new PlanBuilder().Heading(1, "H");
            foreach (var tag in tags) builder.Text("tekst " + tag, tag);
            return new CoverageAnalyzer(checker: new StubChecker()).Analyze(info, builder.Passages, Labels.All);
        }
        var plans = new[]
        {
            Plan(new PlanInfo("Plan \"Noord\", versie 2", "noord.docx", "Noord", 10, "v1", 7), "element:bezig-zijn=2.5", "element:bezig-zijn"),
            Plan(new PlanInfo("=SUM(A1)", "zuid\nplan.pdf", null, null, "v1"), "type:emotioneel"),
        };
        return new ComparisonReport(new PlanComparer().Compare(plans), plans);
    }

    [Fact]
    public void Csv_by_default_suits_a_Belgian_Excel_semicolons_decimal_commas_and_a_byte_order_mark()
    {
        var renderer = new CsvComparisonRenderer();
        using var stream = new MemoryStream();
        renderer.Write(Sample(), stream);
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = renderer.Render(Sample()).Split("\r\n");
        var header = lines[0].Split(';');
        Assert.Equal(["document_id", "gemeente", "nis_code", "provincie", "jaar", "type", "titel", "bestand", "element gedekt"], header[..9]);
        var passages = Array.IndexOf(header, "element:bezig-zijn passages");
        Assert.Equal("element:bezig-zijn status", header[passages + 1]);
        var strength = Array.IndexOf(header, "element:bezig-zijn sterkte");
        Assert.True(strength > passages + 1, "strength has columns of its own, after counts and statuses");
        Assert.Contains("controle:" + StubChecker.Chapters.Id, header);
        Assert.Equal("niet van toepassing", lines[1].Split(';')[Array.IndexOf(header, "controle:" + StubChecker.Never.Id)]);
        // The quoted title holds a comma but no semicolon, so it needs quotes only for its quotes.
        Assert.StartsWith("7;Noord;;;;;\"Plan \"\"Noord\"\", versie 2\";noord.docx;1;", lines[1]);
        var fields = lines[1].Split(';');
        Assert.Equal("2", fields[passages]);
        Assert.Equal("genoemd", fields[passages + 1]);
        Assert.Equal("3,5", fields[strength]);
        Assert.Contains("\"'=SUM(A1)\";\"zuid\nplan.pdf\"", lines[2] + "\r\n" + lines[3]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public void Csv_can_use_commas_and_dots_instead_and_refuses_a_separator_equal_to_the_decimal_mark()
    {
        var csv = new CsvComparisonRenderer(CsvComparisonOptions.Rfc4180).Render(Sample());
        var header = csv.Split("\r\n")[0].Split(',');
        var strength = Array.IndexOf(header, "element:bezig-zijn sterkte");
        Assert.Equal("3.5", csv.Split("\r\n")[1].Split(',')[strength + 1]); // the quoted title holds one comma
        Assert.NotNull(new CsvComparisonOptions { Separator = ',', DecimalMark = ',' }.Problem());
        Assert.Throws<ArgumentException>(() => new CsvComparisonRenderer(new CsvComparisonOptions { Separator = ',', DecimalMark = ',' }));
    }

    [Fact]
    public void Csv_quoting_leaves_plain_fields_alone()
    {
        Assert.Equal("Noord", CsvComparisonRenderer.Quote("Noord"));
        Assert.Equal("\"a,b\"", CsvComparisonRenderer.Quote("a,b"));
        Assert.Equal("\"a\"\"b\"", CsvComparisonRenderer.Quote("a\"b"));
        Assert.Equal("\"'@cmd\"", CsvComparisonRenderer.Quote("@cmd"));
    }


    [Fact]
    public void Comparison_json_aligns_cells_with_labels_and_gives_the_benchmark()
    {
        using var doc = JsonDocument.Parse(new JsonComparisonRenderer().Render(Sample()));
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("planCount").GetInt32());
        var labels = root.GetProperty("labels").EnumerateArray().ToArray();
        var busy = Array.FindIndex(labels, l => l.GetProperty("key").GetString() == "element:bezig-zijn");
        Assert.Equal("1 van 2 plannen", labels[busy].GetProperty("summary").GetString());
        var cell = root.GetProperty("cells")[0][busy];
        Assert.Equal(3.5, cell.GetProperty("strength").GetDouble());
        Assert.Equal(1, cell.GetProperty("rank").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("cells")[1][busy].GetProperty("rank").ValueKind);
        Assert.Equal(7, root.GetProperty("plans")[0].GetProperty("documentId").GetInt64());
    }
}

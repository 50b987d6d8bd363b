using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLens.Coverage;
using PolicyLens.Passages;
using PolicyLens.Readers.Export;
using PolicyLens.Readers.Tests.Coverage;
using PolicyLens.Report;
using PolicyLens.Tagging;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace PolicyLens.Readers.Tests.Export;

public class DocxReportExport
{
    private static WordprocessingDocument Render(PlanCoverage coverage, MemoryStream stream)
    {
        new DocxReportRenderer().Write(new PlanReportBuilder().Build(coverage), stream);
        stream.Position = 0;
        return WordprocessingDocument.Open(stream, false);
    }

    private static void AssertValid(WordprocessingDocument doc)
    {
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Description} @ {e.Path?.XPath}").ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(5)));
    }

    private static string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";

    [Fact]
    public void The_report_opens_again_with_real_heading_styles_in_Dutch_and_the_summary_first()
    {
        using var stream = new MemoryStream();
        using var doc = Render(LindeveldPlan.Coverage, stream);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().ToArray();
        Assert.Equal("Title", StyleOf(paragraphs[0]));
        Assert.StartsWith("Rapport: Meerjarenplan", paragraphs[0].InnerText);
        Assert.Equal(
            ["Samenvatting", "Werkzame elementen × preventieniveau", "Soorten eenzaamheid, preventieniveaus en aandachtsvelden", "Lacunes en suggesties",
             "Controles", "Sterkste bewijs per werkzaam element", "Sociale verbondenheid in al het beleid"],
            paragraphs.Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText));
        Assert.StartsWith("Het plan ‘Meerjarenplan", paragraphs[3].InnerText);
        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        AssertValid(doc);
    }

    [Fact]
    public void No_hash_in_the_header_the_rule_set_is_in_the_colophon_and_the_footer_numbers_pages()
    {
        using var stream = new MemoryStream();
        using var doc = Render(LindeveldPlan.Coverage, stream);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToArray();
        var colophon = Array.IndexOf(paragraphs, "Colofon");
        Assert.True(colophon > 0);
        Assert.DoesNotContain(paragraphs.Take(colophon), p => p.Contains(LindeveldPlan.Coverage.Plan.RuleSetVersion, StringComparison.Ordinal));
        Assert.Contains(paragraphs.Skip(colophon), p => p.Contains(LindeveldPlan.Coverage.Plan.RuleSetVersion, StringComparison.Ordinal));
        var footer = doc.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value));
    }

    [Fact]
    public void The_heatmap_is_coloured_by_status_and_every_table_has_fixed_column_widths_that_fit_the_page()
    {
        using var stream = new MemoryStream();
        using var doc = Render(LindeveldPlan.Coverage, stream);
        var body = doc.MainDocumentPart!.Document.Body!;
        var heatmap = body.Elements<Table>().First();
        var rows = heatmap.Elements<TableRow>().ToArray();
        Assert.Equal(["Werkzaam element", "Universele preventie", "Selectieve preventie", "Geïndiceerde preventie", "In het hele plan"],
            rows[0].Elements<TableCell>().Select(c => c.InnerText));
        var meeting = rows.Single(r => r.Elements<TableCell>().First().InnerText == "herhaalde ontmoetingen").Elements<TableCell>().ToArray();
        Assert.Equal("1D5F8A", meeting[^1].TableCellProperties!.Shading!.Fill!.Value); // uitgewerkt in the whole plan
        Assert.Contains("uitgewerkt · ", meeting[^1].InnerText);
        Assert.All(body.Descendants<Table>(), table =>
        {
            Assert.Equal(TableLayoutValues.Fixed, table.GetFirstChild<TableProperties>()!.TableLayout!.Type!.Value);
            var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.InRange(widths.Sum(), 9000, 9638); // 17 cm of A4 between 2 cm margins
            Assert.All(widths, w => Assert.True(w >= 1000, $"a column of {w} twips breaks words"));
        });
    }

    [Fact]
    public void Gaps_say_whether_to_add_or_deepen_and_evidence_quotes_mark_the_matched_words()
    {
        using var stream = new MemoryStream();
        using var doc = Render(LindeveldPlan.Coverage, stream);
        var body = doc.MainDocumentPart!.Document.Body!;
        var gaps = body.Elements<Table>().Single(t => t.Elements<TableRow>().First().InnerText.StartsWith("Lacune", StringComparison.Ordinal));
        var contact = gaps.Elements<TableRow>().Single(r => r.Elements<TableCell>().First().InnerText == "betekenisvol contact").Elements<TableCell>().ToArray();
        Assert.Equal("afwezig: toevoegen", contact[1].InnerText);
        var gap = LindeveldPlan.Coverage.Gaps.Single(g => g.Label.Dimension == "element" && g.Label.Id == "betekenisvol-contact");
        Assert.Contains("– " + gap.SuggestedActions[0], contact[2].Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Contains(gaps.Elements<TableRow>(), r => r.Elements<TableCell>().ElementAtOrDefault(1)?.InnerText == "genoemd: verdiepen");

        var quotes = body.Elements<Paragraph>().Where(p => StyleOf(p) == "Quote").ToArray();
        Assert.NotEmpty(quotes);
        var highlighted = quotes.SelectMany(q => q.Elements<Run>()).Where(r => r.RunProperties?.Highlight is not null).Select(r => r.InnerText).ToArray();
        // Which passage is strongest depends on the tagger; whichever it is, its matched words are marked.
        var matched = new PlanReportBuilder().Build(LindeveldPlan.Coverage).Evidence.SelectMany(e => e.Passages)
            .SelectMany(p => p.Spans.Select(s => p.Text.Substring(s.Start, s.Length))).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(highlighted);
        Assert.All(highlighted, word => Assert.Contains(word, matched));
    }

    [Fact]
    public void The_appendix_is_optional_and_carries_all_tables_and_evidence()
    {
        var report = new PlanReportBuilder(new ReportOptions { MaxEvidencePerLabel = int.MaxValue }).Build(LindeveldPlan.Coverage);
        using var plain = new MemoryStream();
        using var full = new MemoryStream();
        new DocxReportRenderer().Write(report, plain);
        new DocxReportRenderer(new DocxReportOptions { Appendix = true }).Write(report, full);
        plain.Position = full.Position = 0;
        using var plainDoc = WordprocessingDocument.Open(plain, false);
        using var fullDoc = WordprocessingDocument.Open(full, false);

        string[] Headings(WordprocessingDocument d) => [.. d.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Where(p => StyleOf(p) is "Heading1" or "Heading2").Select(p => p.InnerText)];
        Assert.DoesNotContain("Bijlage: volledige dekking en bewijs", Headings(plainDoc));
        Assert.Contains("Bijlage: volledige dekking en bewijs", Headings(fullDoc));
        Assert.Contains("Bewijs per label", Headings(fullDoc));
        var quotes = fullDoc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Count(p => StyleOf(p) == "Quote");
        Assert.True(quotes >= report.Evidence.Sum(e => e.Passages.Count));
        AssertValid(fullDoc);
    }

    [Fact]
    public void Control_characters_in_document_text_do_not_break_the_file()
    {
        var passage = new Passage(0, PassageKind.Paragraph, "Buurt\u0001huis <b>open</b> \u000b elke dag", 1, ["Kop\u0002"], 0);
        var tag = new PassageTag("element", "herhaalde-ontmoetingen", 1, [new Evidence("r", "buurt", "Buurt", 0, 5, 1)]);
        var labels = new[] { new LabelInfo("element", "herhaalde-ontmoetingen", "herhaalde ontmoetingen", "d", ["s"]) };
        var coverage = new CoverageAnalyzer().Analyze(new PlanInfo("Plan\u0003", "p.docx", null, null, "v"), [new TaggedPassage(passage, [tag])], labels);
        using var stream = new MemoryStream();
        using var doc = Render(coverage, stream);
        var text = doc.MainDocumentPart!.Document.Body!.Descendants<Text>().Select(t => t.Text).ToArray();
        Assert.Contains("huis <b>open</b>  elke dag", text);
        AssertValid(doc);
    }

    [Fact]
    public void A_non_seekable_stream_gets_a_complete_file()
    {
        using var target = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(target))
            new DocxReportRenderer().Write(new PlanReportBuilder().Build(LindeveldPlan.Coverage), forwardOnly);
        target.Position = 0;
        using var doc = WordprocessingDocument.Open(target, false);
        Assert.NotNull(doc.MainDocumentPart?.Document.Body);
    }
}

/// <summary>A write-only stream that cannot seek, like an HTTP response body.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
}

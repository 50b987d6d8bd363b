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

    private static string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";

    [Fact]
    public void The_report_opens_again_with_real_heading_styles_in_Dutch()
    {
        using var stream = new MemoryStream();
        using var doc = Render(LindeveldPlan.Coverage, stream);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().ToArray();
        Assert.Equal("Title", StyleOf(paragraphs[0]));
        Assert.StartsWith("Rapport: Meerjarenplan", paragraphs[0].InnerText);
        Assert.Equal(
            ["Samenvatting", "Controles", "Dekking per dimensie", "Werkzame elementen × preventieniveau", "Werkzame elementen × soort eenzaamheid",
             "Lacunes en suggesties", "Sociale verbinding per hoofdstuk", "Opbouw van het plan", "Bewijs per label"],
            paragraphs.Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText));
        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Description} @ {e.Path?.XPath}"));
    }

    [Fact]
    public void Coverage_tables_and_evidence_quotes_carry_the_plan_content()
    {
        using var stream = new MemoryStream();
        using var doc = Render(LindeveldPlan.Coverage, stream);
        var body = doc.MainDocumentPart!.Document.Body!;
        var elementTable = body.Elements<Table>().First();
        var rows = elementTable.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToArray();
        Assert.Equal(["Label", "Status", "Passages", "Sterkte", "Aandeel", "Waar"], rows[0]);
        var meeting = rows.Single(r => r[0] == "herhaalde ontmoetingen");
        Assert.Equal("uitgewerkt", meeting[1]);
        Assert.StartsWith("Beleidsdoelstelling 1", meeting[5]);
        Assert.Equal("afwezig", rows.Single(r => r[0] == "betekenisvol contact")[1]);

        var quotes = body.Elements<Paragraph>().Where(p => StyleOf(p) == "Quote").ToArray();
        Assert.NotEmpty(quotes);
        var highlighted = quotes.SelectMany(q => q.Elements<Run>()).Where(r => r.RunProperties?.Highlight is not null).Select(r => r.InnerText).ToArray();
        Assert.Contains("buurtfeest", highlighted); // the matched word in "Bewoners die een straat- of buurtfeest organiseren"
        // Suggestions for a gap are bullets.
        var bullets = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).Select(p => p.InnerText).ToArray();
        var contact = LindeveldPlan.Coverage.Gaps.Single(g => g.Label.Dimension == "element" && g.Label.Id == "betekenisvol-contact");
        Assert.Contains(contact.SuggestedActions[0], bullets);
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
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Description} @ {e.Path?.XPath}"));
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

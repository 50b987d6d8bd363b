using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PolicyLens.Coverage;
using PolicyLens.Passages;
using PolicyLens.Readers.Export;
using PolicyLens.Readers.Tests.Coverage;
using PolicyLens.Report;

namespace PolicyLens.Readers.Tests.Export;

public class XlsxComparisonExport
{
    private static ComparisonReport Sample()
    {
        var lindeveld = LindeveldPlan.Coverage;
        var empty = new CoverageAnalyzer().Analyze(new PlanInfo("Leeg plan", "leeg.txt", "Nergens", 1, lindeveld.Plan.RuleSetVersion),
            [new TaggedPassage(new Passage(0, PassageKind.Paragraph, "Geen inhoud over eenzaamheid.", 1, [], 0), [])],
            [.. lindeveld.Labels.Select(l => l.Label)]);
        PlanCoverage[] plans = [lindeveld, empty];
        return new ComparisonReport(new PlanComparer().Compare(plans), plans);
    }

    private static SpreadsheetDocument Render(MemoryStream stream, XlsxComparisonOptions? options = null)
    {
        new XlsxComparisonRenderer(options).Write(Sample(), stream);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    private static string[][] Rows(SpreadsheetDocument doc, string sheetName)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>().Select(r =>
        {
            var cells = new List<string>();
            foreach (var c in r.Elements<Cell>())
            {
                var col = c.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);
                while (cells.Count < col - 1) cells.Add("");
                cells.Add(c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "");
            }
            return cells.ToArray();
        }).ToArray();
    }

    [Fact]
    public void The_workbook_has_a_matrix_and_an_evidence_sheet_and_is_valid()
    {
        using var stream = new MemoryStream();
        using var doc = Render(stream);
        Assert.Equal(["Matrix", "Bewijs"], doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Description} @ {e.Path?.XPath}"));
    }

    [Fact]
    public void The_matrix_has_one_row_per_document_with_strengths_and_the_benchmark()
    {
        using var stream = new MemoryStream();
        using var doc = Render(stream);
        var rows = Rows(doc, "Matrix");
        Assert.Equal(["Document", "Gemeente", "Bestand"], rows[0][..3]);
        var meeting = Array.IndexOf(rows[0], "element: herhaalde ontmoetingen");
        Assert.True(meeting > 2);
        Assert.StartsWith("Meerjarenplan", rows[1][0]);
        Assert.Equal("Lindeveld", rows[1][1]);
        Assert.True(double.Parse(rows[1][meeting], System.Globalization.CultureInfo.InvariantCulture) > 1);
        Assert.Equal("0", rows[2][meeting]);
        Assert.Equal("Plannen die het label dekken", rows[3][0]);
        Assert.Equal("1", rows[3][meeting]);
        Assert.Equal("0.5", rows[4][meeting]);
    }

    [Fact]
    public void The_evidence_sheet_lists_document_label_page_heading_passage_and_terms()
    {
        using var stream = new MemoryStream();
        using var doc = Render(stream);
        var rows = Rows(doc, "Bewijs");
        Assert.Equal(["Document", "Label", "Dimensie", "Status", "Pagina", "Kopregel", "Passage", "Gevonden termen", "Score"], rows[0]);
        var buurtpunt = rows.Skip(1).First(r => r[1] == "herhaalde ontmoetingen" && r[6].StartsWith("In de deelkernen", StringComparison.Ordinal));
        Assert.StartsWith("Meerjarenplan", buurtpunt[0]);
        Assert.Equal("uitgewerkt", buurtpunt[3]);
        Assert.Contains("Actie 1.1.1", buurtpunt[5]);
        Assert.Equal("Ontmoeting, lokale verenigingen", buurtpunt[7]); // from the heading "Ontmoeting dicht bij huis" and the text
        Assert.DoesNotContain(rows, r => r[0] == "Leeg plan");
    }

    [Fact]
    public void Evidence_rows_per_label_are_capped_at_the_strongest_unless_asked_for_all()
    {
        var universal = LindeveldPlan.Coverage.Label("level", "universeel")!;
        Assert.True(universal.PassageOrdinals.Count > 5);
        using var capped = new MemoryStream();
        using var all = new MemoryStream();
        using (var doc = Render(capped))
            Assert.Equal(5, Rows(doc, "Bewijs").Count(r => r[1] == universal.Label.Name));
        using (var doc = Render(all, new XlsxComparisonOptions { MaxEvidencePerLabel = null }))
        {
            var rows = Rows(doc, "Bewijs").Where(r => r[1] == universal.Label.Name).ToArray();
            Assert.Equal(universal.PassageOrdinals.Count, rows.Length);
            Assert.Equal(universal.PassageOrdinals.Select(o => LindeveldPlan.Coverage.Passage(o)!.Passage.Text), rows.Select(r => r[6]));
        }
    }

    [Fact]
    public void A_formula_in_a_title_municipality_file_name_or_heading_reaches_the_workbook_as_text()
    {
        const string payload = PolicyLens.Attacks.AttackFiles.FormulaPayload;
        var labels = LindeveldPlan.Coverage.Labels.Select(l => l.Label).ToArray();
        var meeting = labels.First(l => l.Dimension == "element");
        var evidence = new PolicyLens.Tagging.Evidence("r1", "ontmoeten", "ontmoeten", 4, 9, 1, PolicyLens.Tagging.EvidenceSource.Passage);
        var passage = new Passage(0, PassageKind.Paragraph, "Wij ontmoeten elkaar.", 1, [payload], 0);
        var hostile = new CoverageAnalyzer().Analyze(new PlanInfo(payload, payload + ".md", payload, 1, "v", 9, [payload]),
            [new TaggedPassage(passage, [new PolicyLens.Tagging.PassageTag(meeting.Dimension, meeting.Id, 1, [evidence])])], labels);
        using var stream = new MemoryStream();
        new XlsxComparisonRenderer().Write(new ComparisonReport(new PlanComparer().Compare([hostile]), [hostile]), stream);
        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        Assert.Equal(["Matrix", "Bewijs", "Let op"], doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var texts = doc.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InlineString!.InnerText).ToArray();
        Assert.Contains("'" + payload, texts);
        Assert.Equal("'" + payload, Rows(doc, "Bewijs")[1][5]); // the heading path
        Assert.DoesNotContain(texts, SpreadsheetCell.LooksLikeFormula);
        Assert.Equal(["'" + payload, "'" + payload], Rows(doc, "Let op")[1]);
    }

    [Fact]
    public void Column_names_run_past_Z()
    {
        Assert.Equal("A", XlsxComparisonRenderer.ColumnName(1));
        Assert.Equal("Z", XlsxComparisonRenderer.ColumnName(26));
        Assert.Equal("AA", XlsxComparisonRenderer.ColumnName(27));
        Assert.Equal("FV", XlsxComparisonRenderer.ColumnName(178));
    }
}

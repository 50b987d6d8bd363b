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
    private static readonly PlanCheck Fields = new("neglected-fields", "Onderwijs, werk en zorg", CheckSeverity.Waarschuwing,
        "De drie velden die de adviescommissie noemt.", "true", "checks/test.json");

    private static ComparisonReport Sample()
    {
        var lindeveld = LindeveldPlan.Coverage;
        var empty = new CoverageAnalyzer().Analyze(new PlanInfo("Leeg plan", "leeg.txt", "Nergens", 1, lindeveld.Plan.RuleSetVersion),
            [new TaggedPassage(new Passage(0, PassageKind.Paragraph, "Geen inhoud over eenzaamheid.", 1, [], 0), [])],
            [.. lindeveld.Labels.Select(l => l.Label)]);
        PlanCoverage[] plans =
        [
            lindeveld.WithChecks([new CheckResult(Fields, CheckStatus.Waarschuwing, "Zorg ontbreekt.", [])]),
            empty.WithChecks([new CheckResult(Fields, CheckStatus.InOrde, "In orde.", [])]),
        ];
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

    private static WorksheetPart Part(SpreadsheetDocument doc, string sheetName)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return (WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!);
    }

    [Fact]
    public void The_workbook_has_a_sheet_per_dimension_one_for_checks_a_summary_strengths_and_evidence_and_is_valid()
    {
        using var stream = new MemoryStream();
        using var doc = Render(stream);
        var names = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray();
        Assert.Equal("Werkzame elementen", names[0]);
        Assert.Contains("Soorten eenzaamheid", names);
        Assert.Contains("Aandachtsvelden", names);
        Assert.Equal(["Controles", "Samenvatting", "Sterkte", "Bewijs"], names[^4..]);
        Assert.All(names, n => Assert.True(n.Length <= 31, n));
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Description} @ {e.Path?.XPath}"));
    }

    [Fact]
    public void A_dimension_sheet_has_the_passages_per_plan_and_label_coloured_by_status_and_how_many_plans_cover_each()
    {
        using var stream = new MemoryStream();
        using var doc = Render(stream);
        var rows = Rows(doc, "Werkzame elementen");
        Assert.Equal(["Gemeente", "Plan", "Provincie", "NIS-code", "Jaar", "Type", "Gedekt"], rows[0][..7]);
        var meeting = Array.IndexOf(rows[0], "herhaalde ontmoetingen");
        Assert.True(meeting > 6);
        var lindeveld = rows.Single(r => r.Length > 1 && r[0] == "Lindeveld");
        var count = int.Parse(lindeveld[meeting], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(LindeveldPlan.Coverage.Label("element", "herhaalde-ontmoetingen")!.Passages, count);
        Assert.Equal("0", rows.Single(r => r.Length > 1 && r[0] == "Nergens")[meeting]);
        var covering = rows.Single(r => r.Length > 1 && r[1] == "Plannen die het label noemen of uitwerken");
        Assert.Equal("1", covering[meeting]);
        Assert.Equal("0.5", rows.Single(r => r.Length > 1 && r[1] == "Aandeel van de plannen")[meeting]);

        // The count's cell is filled with the status colour (green: uitgewerkt, grey: afwezig).
        var cells = Part(doc, "Werkzame elementen").Worksheet.Descendants<Cell>().ToList();
        string FillOf(Cell cell)
        {
            var stylesheet = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
            var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
            return stylesheet.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value).PatternFill!.ForegroundColor!.Rgb!.Value!;
        }
        var column = XlsxComparisonRenderer.ColumnName(meeting + 1);
        Assert.Equal("Lindeveld", rows[1][0]); // plans are listed by municipality
        Assert.Equal("FFB9DFC4", FillOf(cells.Single(c => c.CellReference == column + "2")));
        Assert.Equal("FFE6E6E6", FillOf(cells.Single(c => c.CellReference == column + "3")));
    }

    [Fact]
    public void Every_table_sheet_freezes_header_and_plan_columns_and_prints_landscape_fitted_to_width_with_the_header_repeated()
    {
        using var stream = new MemoryStream();
        using var doc = Render(stream);
        var part = Part(doc, "Werkzame elementen");
        var pane = part.Worksheet.Descendants<Pane>().Single();
        Assert.Equal((2.0, 1.0, PaneStateValues.Frozen), (pane.HorizontalSplit!.Value, pane.VerticalSplit!.Value, pane.State!.Value));
        var setup = part.Worksheet.Elements<PageSetup>().Single();
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal((1U, 0U), (setup.FitToWidth!.Value, setup.FitToHeight!.Value));
        Assert.True(part.Worksheet.Elements<SheetProperties>().Single().PageSetupProperties!.FitToPage!.Value);
        Assert.NotNull(part.Worksheet.Elements<AutoFilter>().SingleOrDefault());
        var titles = doc.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles" && n.LocalSheetId! == 0U);
        Assert.Equal("'Werkzame elementen'!$A:$B,'Werkzame elementen'!$1:$1", titles.Text);
    }

    [Fact]
    public void The_checks_sheet_says_per_plan_which_checks_it_does_not_pass()
    {
        using var stream = new MemoryStream();
        using var doc = Render(stream);
        var rows = Rows(doc, "Controles");
        Assert.Equal("Niet gehaald", rows[0][6]);
        var column = Array.IndexOf(rows[0], Fields.Title);
        Assert.True(column > 6);
        var lindeveld = rows.Single(r => r.Length > 1 && r[0] == "Lindeveld");
        Assert.Equal(("1", "waarschuwing"), (lindeveld[6], lindeveld[column]));
        Assert.Equal("in orde", rows.Single(r => r.Length > 1 && r[0] == "Nergens")[column]);
    }

    [Fact]
    public void The_summary_sheet_starts_with_the_headline_findings()
    {
        using var stream = new MemoryStream();
        using var doc = Render(stream);
        var rows = Rows(doc, "Samenvatting");
        Assert.Equal("Vergelijking van plannen", rows[0][0]);
        Assert.Contains(rows, r => r.Length > 0 && r[0].StartsWith("Het vaakst ontbrekend:", StringComparison.Ordinal));
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
        Assert.Equal(["Bewijs", "Let op"], doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).TakeLast(2));
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

public class DocxComparisonExport
{
    [Fact]
    public void The_comparison_report_is_a_valid_landscape_word_document_with_the_findings_first_and_a_repeating_plan_table_header()
    {
        var plan = LindeveldPlan.Coverage;
        PlanCoverage[] plans = [plan];
        using var stream = new MemoryStream();
        new DocxComparisonRenderer().Write(new ComparisonReport(new PlanComparer().Compare(plans), plans), stream);
        stream.Position = 0;
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Description} @ {e.Path?.XPath}"));
        var body = doc.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal("Belangrijkste bevindingen", headings[0]);
        Assert.Contains("De plannen", headings);
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape,
            body.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Single().GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!.Orient!.Value);
        var table = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Last();
        Assert.NotNull(table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First().TableRowProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableHeader>());
        Assert.Contains(plan.Plan.Title, table.InnerText);
    }
}

using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PolicyLens.Coverage;
using PolicyLens.Report;
using PolicyLens.Tagging;

namespace PolicyLens.Readers.Export;

/// <summary>Options for <see cref="XlsxComparisonRenderer"/>.</summary>
public sealed record XlsxComparisonOptions
{
    /// <summary>Dimensions whose tagged passages are listed on the evidence sheet. Default: element, type, level, focus (as the report).</summary>
    public IReadOnlyList<string> EvidenceDimensions { get; init; } = ["element", "type", "level", "focus"];

    /// <summary>
    /// Evidence rows per document and label: the strongest passages, listed in document order.
    /// Default 5, as in the report: the sheet is for checking evidence, and all rows of 300 long
    /// plans (about 240,000) would take seconds and most of a gigabyte while the package is built.
    /// Null lists every tagged passage.
    /// </summary>
    public int? MaxEvidencePerLabel { get; init; } = 5;
}

/// <summary>
/// The comparison as an Excel workbook a consultant can hand on and print. One sheet per label
/// dimension ("Werkzame elementen" first): a row per plan with municipality, plan, province, NIS
/// code, year and type, then per label the number of passages in a cell coloured by status
/// (grey afwezig, yellow genoemd, green uitgewerkt), and below the plans how many cover each
/// label. Sheet "Controles": plans × checks (red not passed). "Samenvatting": the headline
/// findings. "Sterkte": the summed tag scores. "Bewijs": the strongest passages per plan and
/// label. Every table sheet has its header row and plan columns frozen, an autofilter, and
/// prints landscape on A4, fitted to the page width, with the header row repeated on each page.
/// Written with the streaming <see cref="OpenXmlWriter"/> so 300 plans with evidence build no DOM.
/// </summary>
public sealed class XlsxComparisonRenderer(XlsxComparisonOptions? options = null) : IComparisonRenderer
{
    private const int MaxCellText = 32_000; // Excel's limit is 32,767 characters

    // Cell formats, in the order AddStyles writes them.
    private const uint HeaderStyle = 1;
    private const uint WrapStyle = 2;
    private const uint PercentBoldStyle = 3;
    private const uint AbsentStyle = 4;
    private const uint MentionedStyle = 5;
    private const uint ElaboratedStyle = 6;
    private const uint FailedStyle = 7;
    private const uint NoticeStyle = 8;
    private const uint PassedStyle = 9;
    private const uint BoldStyle = 10;
    private const uint TitleStyle = 11;
    private const uint PercentStyle = 12;

    /// <summary>Columns before the labels on every plan sheet: municipality and plan are frozen.</summary>
    private static readonly string[] PlanColumns = ["Gemeente", "Plan", "Provincie", "NIS-code", "Jaar", "Type"];
    private static readonly double[] PlanWidths = [20, 42, 16, 9, 6, 15];
    private const int FrozenColumns = 2;

    private readonly XlsxComparisonOptions _options = options ?? new XlsxComparisonOptions();

    public string Format => "xlsx";
    public string FileExtension => ".xlsx";
    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public bool IsText => false;

    public void Write(ComparisonReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        PackageOutput.Write(output, stream => WritePackage(report, stream));
    }

    private sealed record SheetInfo(WorksheetPart Part, string Name, bool Table, int Rows, int Columns);

    private void WritePackage(ComparisonReport report, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        AddStyles(workbook);
        var c = report.Comparison;
        var checks = CheckTable.From(report.Plans);
        var order = PlanOrder(c);
        var sheets = new List<SheetInfo>();
        foreach (var dimension in LabelCatalog.Dimensions.Where(d => c.Labels.Any(l => l.Dimension == d)))
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var columns = WriteDimension(part, c, dimension, order);
            sheets.Add(new SheetInfo(part, SheetName(dimension), true, order.Count + 1, columns));
        }
        var checkPart = workbook.AddNewPart<WorksheetPart>();
        sheets.Add(new SheetInfo(checkPart, "Controles", true, order.Count + 1, WriteChecks(checkPart, c, checks, order)));
        var summaryPart = workbook.AddNewPart<WorksheetPart>();
        WriteSummary(summaryPart, ComparisonSummaryBuilder.Build(report));
        sheets.Add(new SheetInfo(summaryPart, "Samenvatting", false, 0, 0));
        var strengthPart = workbook.AddNewPart<WorksheetPart>();
        sheets.Add(new SheetInfo(strengthPart, "Sterkte", true, order.Count + 1, WriteStrength(strengthPart, c, order)));
        var evidencePart = workbook.AddNewPart<WorksheetPart>();
        var evidenceRows = WriteEvidence(evidencePart, report);
        sheets.Add(new SheetInfo(evidencePart, "Bewijs", true, evidenceRows, 9));
        if (report.Plans.Any(p => p.Plan.Warnings.Count > 0))
        {
            // Coverage is computed on what was read: a plan read in part says so next to its numbers.
            var warningsPart = workbook.AddNewPart<WorksheetPart>();
            WriteWarnings(warningsPart, report);
            sheets.Add(new SheetInfo(warningsPart, "Let op", false, 0, 0));
        }

        var sheetList = new Sheets();
        var names = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var s = sheets[i];
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(s.Part), SheetId = (uint)i + 1, Name = s.Name });
            if (!s.Table) continue;
            var quoted = "'" + s.Name.Replace("'", "''", StringComparison.Ordinal) + "'";
            var frozen = s.Name == "Bewijs" ? 0 : FrozenColumns;
            // Repeat the header row (and the plan columns) on every printed page.
            names.Append(new DefinedName(frozen > 0 ? $"{quoted}!$A:${ColumnName(frozen)},{quoted}!$1:$1" : $"{quoted}!$1:$1")
            { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
            names.Append(new DefinedName($"{quoted}!$A$1:${ColumnName(Math.Max(1, s.Columns))}${Math.Max(1, s.Rows)}")
            { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
        }
        workbook.Workbook = new Workbook(sheetList, names);
        workbook.Workbook.Save();
        document.PackageProperties.Title = "Vergelijking van plannen";
        document.PackageProperties.Creator = "PolicyLens";
    }

    private static void WriteWarnings(WorksheetPart part, ComparisonReport report)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteStartElement(new Columns());
        w.WriteElement(new Column { Min = 1U, Max = 1U, Width = 45, CustomWidth = true });
        w.WriteElement(new Column { Min = 2U, Max = 2U, Width = 110, CustomWidth = true });
        w.WriteEndElement();
        w.WriteStartElement(new SheetData());
        var row = 1U;
        WriteRow(w, row++, ["Document", ReportText.WarningsLead], BoldStyle);
        foreach (var plan in report.Plans)
            foreach (var warning in plan.Plan.Warnings)
                WriteRow(w, row++, [plan.Plan.Title, new Wrapped(warning)]);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>Sheet names are at most 31 characters and hold none of : \ / ? * [ ].</summary>
    internal static string SheetName(string dimension) => dimension switch
    {
        "focus" => "Aandachtsvelden",
        "interventions-7" => "Zeven interventie-elementen",
        _ => new string(ReportText.Dimension(dimension).Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).Take(31).ToArray()),
    };

    /// <summary>Plans by municipality, then title: the order a consultant looks a municipality up in.</summary>
    private static List<int> PlanOrder(PlanComparison c)
    {
        var order = StringComparer.Create(ReportText.Culture, CompareOptions.IgnoreCase | CompareOptions.NumericOrdering);
        return [.. Enumerable.Range(0, c.Plans.Count).OrderBy(p => c.Plans[p].Municipality ?? c.Plans[p].Title, order).ThenBy(p => c.Plans[p].Title, order)];
    }

    private static IEnumerable<object?> PlanCells(PlanInfo plan) =>
        [plan.Municipality, plan.Title, plan.Facts.Province, plan.Facts.NisCode, plan.Facts.Year is { } y ? (double)y : null, plan.Facts.PlanType];

    private static int WriteDimension(WorksheetPart part, PlanComparison c, string dimension, List<int> order)
    {
        var labels = c.For(dimension).ToList();
        var stats = new ComparisonStatistics(c);
        var width = PlanColumns.Length + 1 + labels.Count;
        using var w = OpenXmlWriter.Create(part);
        StartSheet(w, FrozenColumns, 1, [.. PlanWidths, 9, .. labels.Select(_ => 13.0)]);
        var row = 1U;
        WriteRow(w, row++, [.. PlanColumns, "Gedekt", .. labels.Select(l => l.Label.Name)], HeaderStyle, height: 48);
        foreach (var p in order)
        {
            var cells = new List<object?>(width);
            cells.AddRange(PlanCells(c.Plans[p]));
            cells.Add((double)stats.Score(p, dimension).Covered);
            foreach (var (_, index) in labels)
            {
                var cell = c.Cell(p, index);
                cells.Add(new Styled(cell.Passages, StatusStyle(cell.Status)));
            }
            WriteRow(w, row++, cells);
        }
        row++;
        var lead = new object?[PlanColumns.Length + 1];
        lead[1] = "Plannen die het label noemen of uitwerken";
        WriteRow(w, row++, [.. lead, .. labels.Select(l => (object?)(double)stats.Counts(l.Index).Covering)], BoldStyle);
        lead[1] = "Aandeel van de plannen";
        WriteRow(w, row++, [.. lead, .. labels.Select(l => (object?)new Percent(1 - stats.Counts(l.Index).Share(CoverageStatus.Afwezig)))], BoldStyle);
        lead[1] = "Plannen die het label uitwerken";
        WriteRow(w, row++, [.. lead, .. labels.Select(l => (object?)(double)stats.Counts(l.Index).Elaborated)], BoldStyle);
        row++;
        WriteRow(w, row, [null, "Het getal is het aantal passages. Kleur: grijs = afwezig, geel = genoemd, groen = uitgewerkt."]);
        EndSheet(w, width, order.Count + 1);
        return width;
    }

    private static uint StatusStyle(CoverageStatus status) => status switch
    {
        CoverageStatus.Uitgewerkt => ElaboratedStyle,
        CoverageStatus.Genoemd => MentionedStyle,
        _ => AbsentStyle,
    };

    private static int WriteChecks(WorksheetPart part, PlanComparison c, CheckTable checks, List<int> order)
    {
        var width = PlanColumns.Length + 1 + checks.Checks.Count;
        using var w = OpenXmlWriter.Create(part);
        StartSheet(w, FrozenColumns, 1, [.. PlanWidths, 12, .. checks.Checks.Select(_ => 22.0)]);
        var row = 1U;
        WriteRow(w, row++, [.. PlanColumns, "Niet gehaald", .. checks.Checks.Select(k => k.Title)], HeaderStyle, height: 48);
        foreach (var p in order)
        {
            var failed = Enumerable.Range(0, checks.Checks.Count).Count(k => checks.Failed(p, k));
            var cells = new List<object?>(width);
            cells.AddRange(PlanCells(c.Plans[p]));
            cells.Add((double)failed);
            for (var k = 0; k < checks.Checks.Count; k++)
            {
                var result = checks.Result(p, k);
                cells.Add(new StyledText(ReportText.CheckStatus(result), result switch
                {
                    CheckStatus.Waarschuwing or CheckStatus.Aandacht => FailedStyle,
                    CheckStatus.Info or CheckStatus.Fout => NoticeStyle,
                    CheckStatus.InOrde => PassedStyle,
                    _ => AbsentStyle,
                }));
            }
            WriteRow(w, row++, cells);
        }
        row++;
        var lead = new object?[PlanColumns.Length + 1];
        lead[1] = "Plannen die de controle niet halen";
        WriteRow(w, row, [.. lead, .. checks.Checks.Select((_, k) => (object?)(double)checks.Failing(k))], BoldStyle);
        EndSheet(w, width, order.Count + 1);
        return width;
    }

    private static int WriteStrength(WorksheetPart part, PlanComparison c, List<int> order)
    {
        var width = PlanColumns.Length + c.Labels.Count;
        using var w = OpenXmlWriter.Create(part);
        StartSheet(w, FrozenColumns, 1, [.. PlanWidths, .. c.Labels.Select(_ => 13.0)]);
        var row = 1U;
        WriteRow(w, row++, [.. PlanColumns, .. c.Labels.Select(l => $"{ReportText.Dimension(l.Dimension)}: {l.Name}")], HeaderStyle, height: 60);
        foreach (var p in order)
        {
            var cells = new List<object?>(width);
            cells.AddRange(PlanCells(c.Plans[p]));
            foreach (var cell in c.Row(p)) cells.Add(Math.Round(cell.Strength, 2));
            WriteRow(w, row++, cells);
        }
        row++;
        WriteRow(w, row, [null, "Sterkte: de som van de scores van de passages met het label (elke passage telt minstens 1)."]);
        EndSheet(w, width, order.Count + 1);
        return width;
    }

    private static void WriteSummary(WorksheetPart part, ComparisonSummary s)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteStartElement(new Columns());
        w.WriteElement(new Column { Min = 1U, Max = 1U, Width = 48, CustomWidth = true });
        w.WriteElement(new Column { Min = 2U, Max = 5U, Width = 14, CustomWidth = true });
        w.WriteEndElement();
        w.WriteStartElement(new SheetData());
        var row = 1U;
        WriteRow(w, row++, ["Vergelijking van plannen"], TitleStyle);
        WriteRow(w, row++, [$"{s.PlanCount} plannen, {s.MunicipalityCount} gemeenten; regelset {s.RuleSetVersions}"]);
        row++;
        WriteRow(w, row++, ["Belangrijkste bevindingen"], BoldStyle);
        foreach (var line in s.Headlines) WriteRow(w, row++, [new Wrapped(line)]);
        row++;
        WriteRow(w, row++, ["Werkzame element", "Afwezig", "Genoemd", "Uitgewerkt", "Afwezig (aandeel)"], HeaderStyle);
        foreach (var e in s.Elements.OrderByDescending(e => e.Absent).ThenBy(e => e.Name, StringComparer.Ordinal))
            WriteRow(w, row++, [e.Name, (double)e.Absent, (double)e.Mentioned, (double)e.Elaborated, new Percent(e.AbsentShare, Bold: false)]);
        row++;
        if (s.Checks.Count > 0)
        {
            WriteRow(w, row++, ["Controle", "Niet gehaald", "Niet van toepassing", "Aandeel niet gehaald"], HeaderStyle);
            foreach (var ch in s.Checks) WriteRow(w, row++, [ch.Title, (double)ch.Failed, (double)ch.NotApplicable, new Percent(ch.FailedShare, Bold: false)]);
            row++;
        }
        if (s.Provinces.Count > 0)
        {
            WriteRow(w, row++, ["Provincie", "Plannen", "Gemiddeld gedekt", "Gemiddeld uitgewerkt"], HeaderStyle);
            foreach (var p in s.Provinces) WriteRow(w, row++, [p.Province, (double)p.Plans, Math.Round(p.MeanElementsCovered, 1), Math.Round(p.MeanElementsElaborated, 1)]);
        }
        w.WriteEndElement();
        WritePrintSetup(w);
        w.WriteEndElement();
    }

    private int WriteEvidence(WorksheetPart part, ComparisonReport report)
    {
        using var w = OpenXmlWriter.Create(part);
        StartSheet(w, 0, 1, [35, 30, 14, 12, 8, 40, 90, 30, 8]);
        var row = 1U;
        WriteRow(w, row++, ["Document", "Label", "Dimensie", "Status", "Pagina", "Kopregel", "Passage", "Gevonden termen", "Score"], HeaderStyle);
        foreach (var plan in report.Plans)
            foreach (var dimension in _options.EvidenceDimensions)
                foreach (var label in plan.For(dimension))
                    foreach (var (tagged, tag) in Evidence(plan, label))
                    {
                        var passage = tagged.Passage;
                        WriteRow(w, row++,
                        [
                            plan.Plan.Title, label.Label.Name, ReportText.Dimension(dimension), ReportText.Status(label.Status),
                            passage.Page is { } page ? (double)page : null,
                            PlanReportBuilder.HeadingPath(passage), new Wrapped(passage.Text),
                            string.Join(", ", tag.Evidence.Select(e => e.MatchedText).Distinct(StringComparer.OrdinalIgnoreCase)),
                            Math.Round(tag.Score, 2),
                        ]);
                    }
        EndSheet(w, 9, (int)row - 1);
        return (int)row - 1;
    }

    /// <summary>The passages shown for a label: all, or the strongest up to the limit, in document order.</summary>
    private IEnumerable<(TaggedPassage Passage, PassageTag Tag)> Evidence(PlanCoverage plan, LabelCoverage label)
    {
        var all = label.PassageOrdinals
            .Select(plan.Passage)
            .OfType<TaggedPassage>()
            .Select(p => (Passage: p, Tag: p.Tags.FirstOrDefault(t => t.Dimension == label.Label.Dimension && t.Label == label.Label.Id)))
            .Where(x => x.Tag is not null)
            .Select(x => (x.Passage, Tag: x.Tag!));
        if (_options.MaxEvidencePerLabel is not { } max || label.PassageOrdinals.Count <= max) return all;
        return all.OrderByDescending(x => x.Tag.Score).ThenBy(x => x.Passage.Passage.Ordinal).Take(max).OrderBy(x => x.Passage.Passage.Ordinal);
    }

    private readonly record struct Wrapped(string Text);

    private readonly record struct Percent(double Value, bool Bold = true);

    /// <summary>A number with a cell format of its own (the status colour of a count).</summary>
    private readonly record struct Styled(double Value, uint Style);

    private readonly record struct StyledText(string Text, uint Style);

    /// <summary>Sheet properties (fit to page), frozen panes and column widths: everything before the rows, in schema order.</summary>
    private static void StartSheet(OpenXmlWriter w, int frozenColumns, int frozenRows, double[] widths)
    {
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        w.WriteElement(FrozenPane(frozenColumns, frozenRows));
        w.WriteStartElement(new Columns());
        for (var i = 0; i < widths.Length; i++)
            w.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
        w.WriteEndElement();
        w.WriteStartElement(new SheetData());
    }

    /// <summary>Closes the rows, filters the header row's table and sets up printing.</summary>
    private static void EndSheet(OpenXmlWriter w, int columns, int rows)
    {
        w.WriteEndElement(); // SheetData
        w.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(Math.Max(1, columns))}{Math.Max(1, rows)}" });
        WritePrintSetup(w);
        w.WriteEndElement(); // Worksheet
    }

    /// <summary>Landscape A4, as wide as one page and as many pages down as needed, with page numbers.</summary>
    private static void WritePrintSetup(OpenXmlWriter w)
    {
        w.WriteElement(new PrintOptions { GridLines = true });
        w.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        w.WriteElement(new PageSetup { PaperSize = 9U, Orientation = OrientationValues.Landscape, FitToWidth = 1U, FitToHeight = 0U });
        w.WriteElement(new HeaderFooter(new OddHeader("&L&\"-,Bold\"PolicyLens – vergelijking&R&A"), new OddFooter("&CPagina &P van &N")));
    }

    private static SheetViews FrozenPane(int columns, int rows)
    {
        var topLeft = ColumnName(columns + 1) + (rows + 1).ToString(CultureInfo.InvariantCulture);
        return new SheetViews(new SheetView(new Pane
        {
            HorizontalSplit = columns > 0 ? columns : null,
            VerticalSplit = rows,
            TopLeftCell = topLeft,
            ActivePane = columns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        })
        { WorkbookViewId = 0U });
    }

    private static void WriteRow(OpenXmlWriter w, uint index, IEnumerable<object?> values, uint? style = null, double? height = null)
    {
        var row = new Row { RowIndex = index };
        if (height is { } h)
        {
            row.Height = h;
            row.CustomHeight = true;
        }
        w.WriteStartElement(row);
        var column = 0;
        foreach (var value in values)
        {
            column++;
            if (value is null) continue;
            var reference = ColumnName(column) + index.ToString(CultureInfo.InvariantCulture);
            Cell cell = value switch
            {
                double d => Number(reference, d, style),
                Styled s => Number(reference, s.Value, s.Style),
                Percent p => Number(reference, p.Value, p.Bold ? PercentBoldStyle : PercentStyle),
                Wrapped t => Text(reference, t.Text, WrapStyle),
                StyledText t => Text(reference, t.Text, t.Style),
                _ => Text(reference, value.ToString() ?? "", style),
            };
            w.WriteElement(cell);
        }
        w.WriteEndElement();
    }

    private static Cell Number(string reference, double value, uint? style) =>
        new() { CellReference = reference, DataType = CellValues.Number, StyleIndex = style, CellValue = new CellValue(value.ToString("0.####", CultureInfo.InvariantCulture)) };

    // Every text cell goes through SpreadsheetCell (after cleaning, so a dropped control character cannot
    // uncover a formula): titles, file names and passages come from uploads.
    private static Cell Text(string reference, string text, uint? style) =>
        new(new InlineString(new Text(SpreadsheetCell.Escape(XmlText.Clean(text, MaxCellText))) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    /// <summary>1 → A, 27 → AA.</summary>
    internal static string ColumnName(int column)
    {
        var name = "";
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            name = (char)('A' + rem) + name;
            column = (column - 1) / 26;
        }
        return name;
    }

    private static Fill Solid(string argb) => new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid });

    private static void AddStyles(WorkbookPart workbook)
    {
        var part = workbook.AddNewPart<WorkbookStylesPart>();
        var thin = new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        part.Stylesheet = new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" })) { Count = 3U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FF" + StatusColours.Of(CoverageStatus.Afwezig)),
                Solid("FF" + StatusColours.Of(CoverageStatus.Genoemd)),
                Solid("FF" + StatusColours.Of(CoverageStatus.Uitgewerkt)),
                Solid("FFF4B6B6"), // check not passed
                Solid("FFCFE2F3"), // check notice
                Solid("FFE7EEF3")) // header
            { Count = 8U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2U },
            new CellFormats(
                new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Bottom }) { FontId = 1U, FillId = 7U, BorderId = 1U, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0U, FillId = 0U, BorderId = 0U, ApplyAlignment = true },
                new CellFormat { FontId = 1U, FillId = 0U, BorderId = 0U, NumberFormatId = 9U, ApplyNumberFormat = true, ApplyFont = true },
                Centered(2U), Centered(3U), Centered(4U), Centered(5U), Centered(6U), Centered(4U),
                new CellFormat { FontId = 1U, FillId = 0U, BorderId = 0U, ApplyFont = true },
                new CellFormat { FontId = 2U, FillId = 0U, BorderId = 0U, ApplyFont = true },
                new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 9U, ApplyNumberFormat = true })
            { Count = 13U });
        part.Stylesheet.Save();
    }

    private static CellFormat Centered(uint fill) =>
        new(new Alignment { Horizontal = HorizontalAlignmentValues.Center }) { FontId = 0U, FillId = fill, BorderId = 0U, ApplyFill = true, ApplyAlignment = true };
}

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
/// The comparison as an Excel workbook. Sheet "Matrix": one row per document, one column per
/// label with the strength, then two rows with the benchmark (plans covering each label, and
/// their share). Sheet "Bewijs": one row per evidence passage and label — document, label, page,
/// heading path, passage text, matched terms (the strongest passages per label, see
/// <see cref="XlsxComparisonOptions.MaxEvidencePerLabel"/>). Written with the streaming
/// <see cref="OpenXmlWriter"/> so 300 plans with all their evidence do not build a DOM.
/// </summary>
public sealed class XlsxComparisonRenderer(XlsxComparisonOptions? options = null) : IComparisonRenderer
{
    private const int MaxCellText = 32_000; // Excel's limit is 32,767 characters
    private const uint BoldStyle = 1;
    private const uint WrapStyle = 2;
    private const uint PercentStyle = 3;

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

    private void WritePackage(ComparisonReport report, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        AddStyles(workbook);
        var matrix = workbook.AddNewPart<WorksheetPart>();
        WriteMatrix(matrix, report.Comparison);
        var evidence = workbook.AddNewPart<WorksheetPart>();
        WriteEvidence(evidence, report);
        var sheets = new Sheets(
            new Sheet { Id = workbook.GetIdOfPart(matrix), SheetId = 1U, Name = "Matrix" },
            new Sheet { Id = workbook.GetIdOfPart(evidence), SheetId = 2U, Name = "Bewijs" });
        if (report.Plans.Any(p => p.Plan.Warnings.Count > 0))
        {
            // Coverage is computed on what was read: a plan read in part says so next to its numbers.
            var warnings = workbook.AddNewPart<WorksheetPart>();
            WriteWarnings(warnings, report);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(warnings), SheetId = 3U, Name = "Let op" });
        }
        workbook.Workbook = new Workbook(sheets);
        workbook.Workbook.Save();
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

    private static void WriteMatrix(WorksheetPart part, PlanComparison c)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(FrozenPane(columns: 1, rows: 1, "B2"));
        w.WriteStartElement(new Columns());
        w.WriteElement(new Column { Min = 1U, Max = 1U, Width = 45, CustomWidth = true });
        w.WriteElement(new Column { Min = 2U, Max = 3U, Width = 18, CustomWidth = true });
        w.WriteEndElement();
        w.WriteStartElement(new SheetData());
        var row = 1U;
        var header = new List<string> { "Document", "Gemeente", "Bestand" };
        header.AddRange(c.Labels.Select(l => $"{l.Dimension}: {l.Name}"));
        WriteRow(w, row++, header.Select(h => (object?)h), BoldStyle);
        for (var p = 0; p < c.Plans.Count; p++)
        {
            var plan = c.Plans[p];
            var cells = new List<object?> { plan.Title, plan.Municipality, plan.FileName };
            foreach (var cell in c.Row(p)) cells.Add(Math.Round(cell.Strength, 2));
            WriteRow(w, row++, cells);
        }
        row++; // a blank row between the plans and the benchmark
        WriteRow(w, row++, new object?[] { "Plannen die het label dekken", null, null }.Concat(c.Benchmarks.Select(b => (object?)(double)b.PlansCovering)), BoldStyle);
        WriteRow(w, row, new object?[] { "Aandeel van de plannen", null, null }.Concat(c.Benchmarks.Select(b => (object?)new Percent(b.Share))), BoldStyle);
        w.WriteEndElement(); // SheetData
        w.WriteEndElement(); // Worksheet
    }

    private void WriteEvidence(WorksheetPart part, ComparisonReport report)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(FrozenPane(columns: 0, rows: 1, "A2"));
        w.WriteStartElement(new Columns());
        double[] widths = [35, 30, 14, 12, 8, 40, 90, 30, 8];
        for (var i = 0; i < widths.Length; i++)
            w.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
        w.WriteEndElement();
        w.WriteStartElement(new SheetData());
        var row = 1U;
        WriteRow(w, row++, ["Document", "Label", "Dimensie", "Status", "Pagina", "Kopregel", "Passage", "Gevonden termen", "Score"], BoldStyle);
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
        w.WriteEndElement();
        w.WriteEndElement();
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

    private readonly record struct Percent(double Value);

    private static SheetViews FrozenPane(int columns, int rows, string topLeft) =>
        new(new SheetView(new Pane
        {
            HorizontalSplit = columns > 0 ? columns : null,
            VerticalSplit = rows,
            TopLeftCell = topLeft,
            ActivePane = columns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        })
        { WorkbookViewId = 0U });

    private static void WriteRow(OpenXmlWriter w, uint index, IEnumerable<object?> values, uint? style = null)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        var column = 0;
        foreach (var value in values)
        {
            column++;
            if (value is null) continue;
            var reference = ColumnName(column) + index.ToString(CultureInfo.InvariantCulture);
            Cell cell = value switch
            {
                double d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d.ToString("0.####", CultureInfo.InvariantCulture)) },
                Percent p => new Cell { CellReference = reference, DataType = CellValues.Number, StyleIndex = PercentStyle, CellValue = new CellValue(p.Value.ToString("0.####", CultureInfo.InvariantCulture)) },
                Wrapped t => Text(reference, t.Text, WrapStyle),
                _ => Text(reference, value.ToString() ?? "", style),
            };
            if (style is { } s && value is double) cell.StyleIndex = s;
            w.WriteElement(cell);
        }
        w.WriteEndElement();
    }

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

    private static void AddStyles(WorkbookPart workbook)
    {
        var part = workbook.AddNewPart<WorkbookStylesPart>();
        part.Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2U },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellFormats(
                new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U },
                new CellFormat { FontId = 1U, FillId = 0U, BorderId = 0U, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0U, FillId = 0U, BorderId = 0U, ApplyAlignment = true },
                new CellFormat { FontId = 1U, FillId = 0U, BorderId = 0U, NumberFormatId = 9U, ApplyNumberFormat = true, ApplyFont = true })
            { Count = 4U });
        part.Stylesheet.Save();
    }
}

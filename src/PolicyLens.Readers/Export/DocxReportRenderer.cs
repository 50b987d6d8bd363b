using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLens.Coverage;
using PolicyLens.Report;

namespace PolicyLens.Readers.Export;

/// <summary>Settings of <see cref="DocxReportRenderer"/>.</summary>
public sealed record DocxReportOptions
{
    /// <summary>
    /// Adds an appendix with every coverage table and all the evidence the report carries (build
    /// the report with a high <see cref="ReportOptions.MaxEvidencePerLabel"/> for "all"). Default false:
    /// the report stays short enough to send as is.
    /// </summary>
    public bool Appendix { get; init; }

    /// <summary>Suggestions shown per gap in the body. Default 2; the appendix has them all.</summary>
    public int SuggestionsPerGap { get; init; } = 2;

    /// <summary>Quotes of the strongest evidence, one per working element, at most this long. Default 320 characters.</summary>
    public int MaxQuoteLength { get; init; } = 320;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(SuggestionsPerGap);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQuoteLength, 40);
    }
}

/// <summary>
/// The report as an editable Word document a consultant can send as is: a few pages with the
/// summary, a coloured heatmap, the gaps with what to do, the checks and the strongest evidence
/// per working element, in that order; version details in a colophon at the end; optionally the
/// full tables and evidence as an appendix. Real heading styles (Kop 1–3, so the navigation pane
/// and a table of contents work), fixed column widths so words never break, page numbers in the footer.
/// </summary>
public sealed class DocxReportRenderer : IReportRenderer
{
    private const int BulletNumberingId = 1;

    // A4 with 2 cm margins: 17 cm of text width, in twentieths of a point.
    private const int TextWidth = 9638;

    private readonly DocxReportOptions _options;

    public DocxReportRenderer(DocxReportOptions? options = null)
    {
        _options = options ?? new DocxReportOptions();
        _options.Validate();
    }

    public string Format => "docx";
    public string FileExtension => ".docx";
    public string ContentType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public bool IsText => false;

    public void Write(PlanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        PackageOutput.Write(output, stream => WritePackage(report, stream));
    }

    private void WritePackage(PlanReport report, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        AddNumbering(main);
        var footerId = AddFooter(main, report.Plan.Title);
        var body = new Body();
        main.Document = new Document(body);
        Fill(body, report);
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
        document.PackageProperties.Title = XmlText.Clean("Rapport: " + report.Plan.Title);
        document.PackageProperties.Creator = "PolicyLens";
        main.Document.Save();
    }

    private void Fill(Body body, PlanReport report)
    {
        var plan = report.Plan;
        body.Append(Para("Rapport: " + plan.Title, "Title"));
        var meta = new List<string>();
        if (plan.Municipality is { } m) meta.Add($"Gemeente {m}");
        meta.Add(plan.PageCount is { } pages ? $"{plan.FileName} ({pages} blz.)" : plan.FileName);
        meta.Add(ReportText.PlanPassages(report.Summary.PassageKinds));
        body.Append(Para(string.Join(" · ", meta), "Subtitle"));
        if (plan.Warnings.Count > 0)
        {
            body.Append(new Paragraph(Run(ReportText.WarningsLead, bold: true)));
            foreach (var warning in plan.Warnings) body.Append(Para("• " + warning));
        }

        body.Append(Para("Samenvatting", "Heading1"));
        foreach (var paragraph in report.Advice.Paragraphs) body.Append(Para(paragraph));

        foreach (var matrix in report.Matrices.Take(1))
        {
            body.Append(Para(matrix.Title, "Heading1"));
            body.Append(Heatmap(matrix));
            body.Append(Para(ReportText.HeatmapNote, "Caption"));
        }
        foreach (var line in report.StatusRule) body.Append(Para(line, "Small"));

        var levels = report.Dimensions.Where(d => d.Dimension is "type" or "level" or "focus").ToArray();
        if (levels.Length > 0)
        {
            body.Append(Para("Soorten eenzaamheid, preventieniveaus en aandachtsvelden", "Heading1"));
            body.Append(Table(["Label", "Stand", "Passages", "Waarom"], [2600, 1250, 1250, 4538],
                levels.SelectMany(d => d.Rows.Select(r => (IReadOnlyList<string>)[r.Name, r.StatusText, ReportText.CountCell(r.Counts), r.Explanation])),
                statusColumn: 1));
        }

        body.Append(Para("Lacunes en suggesties", "Heading1"));
        if (report.Gaps.Count == 0) body.Append(Para("Geen lacunes: het plan werkt alle onderdelen van het kader uit."));
        else
        {
            body.Append(Para("Ontbreekt: toevoegen. Genoemd: verdiepen, want het plan noemt het al maar werkt het niet uit.", "Small"));
            body.Append(GapTable(report.Gaps, _options.SuggestionsPerGap));
        }

        body.Append(Para("Controles", "Heading1"));
        if (report.Checks.Count == 0) body.Append(Para("Er zijn geen controles ingesteld."));
        foreach (var check in report.Checks)
        {
            // Every check gets its line; only those that fail take the room for why and where.
            body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading2" }, new KeepNext()),
                Run($"{ReportText.CheckMark(check.Status)} {check.Title} ({check.StatusText})")));
            body.Append(Para(check.Message));
            if (!check.Failed) continue;
            body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Small" }), Run("Waarom: ", bold: true), Run(check.Explanation)));
            if (check.Passages.Count > 0)
                body.Append(Para("Passages: " + string.Join("; ", check.Passages.Select(ReportText.Location).Distinct().Take(5)), "Caption"));
        }

        var strongest = report.Evidence.Where(e => e.Dimension == "element" && e.Passages.Count > 0).ToArray();
        if (strongest.Length > 0)
        {
            body.Append(Para("Sterkste bewijs per werkzaam element", "Heading1"));
            foreach (var label in strongest)
            {
                var best = label.Passages.OrderBy(p => ReportText.KindName(p.Kind) is null ? 0 : 1).ThenByDescending(p => p.Score).First();
                body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading3" }),
                    Run(ReportText.Capitalize(label.Name)), Run($" — {ReportText.Status(label.Status)}, {ReportText.LabelPassages(label.Counts)}", italic: true)));
                body.Append(Quote(best, _options.MaxQuoteLength));
                body.Append(Para(Where(best), "Caption"));
            }
        }

        if (report.Chapters.Count > 0)
        {
            body.Append(Para(ReportText.ChaptersTitle, "Heading1"));
            body.Append(Table(["Hoofdstuk", "Beleidsdomeinen", "Werkzame elementen", "Passages"], [3300, 2200, 3038, 1100],
                report.Chapters.Select(c => (IReadOnlyList<string>)[c.Heading, string.Join(", ", c.Domains), c.Elements.Count == 0 ? "geen" : string.Join(", ", c.Elements),
                    c.Passages.ToString(ReportText.Culture)])));
        }

        body.Append(Para("Colofon", "Heading2"));
        foreach (var line in ReportText.Colophon(report)) body.Append(Para(line, "Small"));

        if (_options.Appendix) Appendix(body, report);
    }

    /// <summary>Every coverage table, the element × type heatmap, the outline and all evidence the report carries.</summary>
    private static void Appendix(Body body, PlanReport report)
    {
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        body.Append(Para("Bijlage: volledige dekking en bewijs", "Heading1"));
        foreach (var matrix in report.Matrices.Skip(1))
        {
            body.Append(Para(matrix.Title, "Heading2"));
            body.Append(Heatmap(matrix));
        }
        foreach (var dimension in report.Dimensions)
        {
            body.Append(Para(dimension.Title, "Heading2"));
            body.Append(Table(["Label", "Stand", "Passages", "Sterkte", "Waar"], [2600, 1150, 1300, 1000, 3588],
                dimension.Rows.Select(r => (IReadOnlyList<string>)[r.Name, r.StatusText, ReportText.CountCell(r.Counts), ReportText.Number(r.Strength),
                    string.Join("; ", r.Sections.Select(s => $"{s.Heading} ({s.Passages})"))]), statusColumn: 1));
        }
        if (report.Gaps.Count > 0)
        {
            body.Append(Para("Alle suggesties", "Heading2"));
            body.Append(GapTable(report.Gaps, int.MaxValue));
        }
        body.Append(Para("Opbouw van het plan", "Heading2"));
        if (report.Outline.Count == 0) body.Append(Para("Het plan heeft geen herkende koppen."));
        foreach (var node in report.Outline) Outline(body, node, 0);
        body.Append(Para("Bewijs per label", "Heading2"));
        foreach (var label in report.Evidence)
        {
            body.Append(Para($"{ReportText.Capitalize(label.Name)} ({ReportText.Dimension(label.Dimension).ToLowerInvariant()}, {ReportText.Status(label.Status)}, " +
                $"{ReportText.LabelPassages(label.Counts)})", "Heading3"));
            foreach (var e in label.Passages)
            {
                body.Append(Quote(e, int.MaxValue));
                body.Append(Para(Where(e), "Caption"));
            }
        }
    }

    private static string Where(EvidencePassage e)
    {
        // The last two headings say where; the full path of a deep BBC plan fills two lines.
        var path = e.HeadingPath.Split(" › ");
        var where = ReportText.Location(new PassageRef(e.Ordinal, e.Page, string.Join(" › ", path.TakeLast(2).Select(h => ReportText.Shorten(h, 70)))));
        if (ReportText.KindName(e.Kind) is { } kind) where += " · " + kind;
        if (e.MatchedTerms.Count > 0) where += " · gevonden: " + string.Join(", ", e.MatchedTerms);
        return where;
    }

    /// <summary>The passage as a quote with the matched words bold and highlighted; long texts are cut after a span.</summary>
    private static Paragraph Quote(EvidencePassage e, int maxLength)
    {
        var quote = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Quote" }));
        var end = e.Text.Length <= maxLength ? e.Text.Length : Math.Max(maxLength, e.Spans.Count > 0 ? Math.Min(e.Spans[0].End + 80, e.Text.Length) : maxLength);
        var at = 0;
        foreach (var span in e.Spans.Where(s => s.End <= end))
        {
            if (span.Start > at) quote.Append(Run(e.Text[at..span.Start]));
            quote.Append(Run(e.Text.Substring(span.Start, span.Length), bold: true, highlight: true));
            at = span.End;
        }
        if (at < end) quote.Append(Run(e.Text[at..end]));
        if (end < e.Text.Length) quote.Append(Run(" …"));
        return quote;
    }

    /// <summary>The heatmap: one row per element, cells shaded by status with the count and the reason in small type.</summary>
    private static Table Heatmap(ReportMatrix matrix)
    {
        var columns = matrix.ColumnNames.Count + 2;
        var first = 3000;
        var rest = (TextWidth - first) / (columns - 1);
        int[] widths = [first, .. Enumerable.Repeat(rest, columns - 1)];
        var table = NewTable(widths);
        var head = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        head.Append(Cell("Werkzaam element", widths[0], bold: true, size: 18));
        for (var c = 0; c < matrix.ColumnNames.Count; c++) head.Append(Cell(ReportText.Capitalize(matrix.ColumnNames[c]), widths[c + 1], bold: true, size: 18, center: true));
        head.Append(Cell("In het hele plan", widths[^1], bold: true, size: 18, center: true));
        table.Append(head);
        for (var r = 0; r < matrix.RowNames.Count; r++)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            row.Append(Cell(matrix.RowNames[r], widths[0], size: 18));
            if (matrix.Cells.Count > r)
                for (var c = 0; c < matrix.Cells[r].Count; c++) row.Append(StatusCell(matrix.Cells[r][c], widths[c + 1]));
            else
                for (var c = 0; c < matrix.Passages[r].Count; c++) row.Append(Cell(matrix.Passages[r][c].ToString(ReportText.Culture), widths[c + 1], center: true));
            row.Append(matrix.RowTotals.Count > r ? StatusCell(matrix.RowTotals[r], widths[^1]) : Cell("", widths[^1]));
            table.Append(row);
        }
        return table;
    }

    private static readonly Dictionary<CoverageStatus, (string Fill, string Ink)> StatusColours = new()
    {
        [CoverageStatus.Uitgewerkt] = ("1D5F8A", "FFFFFF"),
        [CoverageStatus.Genoemd] = ("F6DC8A", "1B1F24"),
        [CoverageStatus.Afwezig] = ("EEEEEE", "4A4F55"),
    };

    private static TableCell StatusCell(ReportCell cell, int width)
    {
        var (fill, ink) = StatusColours[cell.Status];
        var count = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Center }),
            Run(ReportText.CountCell(cell.Counts), bold: true, color: ink, size: 18));
        var why = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Center }),
            Run($"{cell.StatusText} · {cell.ShortReason}", color: ink, size: 14));
        return new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(ReportText.Culture) },
            new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill }, new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }), count, why);
    }

    /// <summary>Gaps as one table: the label, its status, and what to do with the first suggestions.</summary>
    private static Table GapTable(IReadOnlyList<ReportGap> gaps, int suggestions)
    {
        int[] widths = [2500, 1100, 6038];
        var table = NewTable(widths);
        var head = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        head.Append(Cell("Lacune", widths[0], bold: true, size: 18), Cell("Stand", widths[1], bold: true, size: 18), Cell("Wat te doen", widths[2], bold: true, size: 18));
        table.Append(head);
        foreach (var group in gaps.OrderBy(g => g.Deepen).GroupBy(g => g.DimensionTitle))
        {
            var groupRow = new TableRow(new TableRowProperties(new CantSplit()));
            var groupCell = Cell(group.Key, TextWidth, bold: true, size: 18);
            groupCell.TableCellProperties!.Append(new GridSpan { Val = 3 });
            groupCell.TableCellProperties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EEF3F3" });
            groupRow.Append(groupCell);
            table.Append(groupRow);
            foreach (var gap in group)
            {
                var row = new TableRow(new TableRowProperties(new CantSplit()));
                row.Append(Cell(gap.Name, widths[0], size: 18));
                row.Append(Cell(gap.Deepen ? "genoemd: verdiepen" : "afwezig: toevoegen", widths[1], size: 16));
                var todo = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[2].ToString(ReportText.Culture) }));
                todo.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "20" }), Run(gap.Advice.Length > 0 ? gap.Advice : gap.Description, size: 18)));
                foreach (var action in gap.SuggestedActions.Take(suggestions))
                    todo.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Indentation { Left = "200", Hanging = "200" }), Run("– " + action, size: 17)));
                row.Append(todo);
                table.Append(row);
            }
        }
        return table;
    }

    private static void Outline(Body body, ReportOutlineNode node, int depth)
    {
        var text = node.Heading + (node.Page is { } p ? $" (p. {p})" : "");
        var paragraph = new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "40" }, new Indentation { Left = (depth * 360).ToString(ReportText.Culture) }),
            Run(text, bold: depth == 0));
        if (node.Elements.Count > 0) paragraph.Append(Run(" — " + string.Join(", ", node.Elements), italic: true));
        body.Append(paragraph);
        foreach (var child in node.Children) Outline(body, child, depth + 1);
    }

    internal static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(Run(text));
        return p;
    }

    internal static Paragraph Bullet(string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId })),
            Run(text));

    internal static Run Run(string text, bool bold = false, bool italic = false, bool highlight = false, string? color = null, int? size = null)
    {
        var run = new Run();
        if (bold || italic || highlight || color is not null || size is not null)
        {
            var props = new RunProperties();
            if (bold) props.Append(new Bold());
            if (italic) props.Append(new Italic());
            if (color is not null) props.Append(new Color { Val = color });
            if (size is { } half) props.Append(new FontSize { Val = half.ToString(ReportText.Culture) });
            if (highlight) props.Append(new Highlight { Val = HighlightColorValues.Yellow });
            run.Append(props);
        }
        run.Append(new Text(XmlText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>A table with a fixed layout and these column widths (twips), so Word and LibreOffice never squeeze a column.</summary>
    private static Table NewTable(IReadOnlyList<int> widths)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(ReportText.Culture) },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 70, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 70, Type = TableWidthValues.Dxa }),
            new TableLook { Val = "04A0" }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(ReportText.Culture) })));
        return table;
    }

    private static TableCell Cell(string text, int width, bool bold = false, int? size = null, bool center = false)
    {
        var paragraph = new Paragraph();
        var props = new ParagraphProperties(new SpacingBetweenLines { After = "0" });
        if (center) props.Append(new Justification { Val = JustificationValues.Center });
        paragraph.Append(props, Run(text, bold: bold, size: size));
        return new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(ReportText.Culture) }), paragraph);
    }

    /// <summary>A table whose columns share the text width equally (the comparison report's tables).</summary>
    internal static Table Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        Table(header, [.. Enumerable.Repeat(TextWidth / Math.Max(1, header.Count), header.Count)], rows);

    /// <summary>A table with a repeating header row; <paramref name="statusColumn"/> (if any) is shaded by status.</summary>
    internal static Table Table(IReadOnlyList<string> header, IReadOnlyList<int> widths, IEnumerable<IReadOnlyList<string>> rows, int statusColumn = -1)
    {
        var table = NewTable(widths);
        var headRow = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < header.Count; i++) headRow.Append(Cell(header[i], widths[i], bold: true, size: 18));
        table.Append(headRow);
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < row.Count; i++)
            {
                var cell = Cell(row[i], widths[i], size: 18);
                if (i == statusColumn && StatusByText.TryGetValue(row[i], out var status))
                {
                    var (fill, ink) = StatusColours[status];
                    cell.TableCellProperties!.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
                    // Colour goes before the size in run properties (schema order).
                    foreach (var run in cell.Descendants<Run>())
                    {
                        var props = run.RunProperties ??= new RunProperties();
                        if (props.FontSize is { } size) props.InsertBefore(new Color { Val = ink }, size);
                        else props.Append(new Color { Val = ink });
                    }
                }
                tr.Append(cell);
            }
            table.Append(tr);
        }
        return table;
    }

    private static readonly Dictionary<string, CoverageStatus> StatusByText =
        Enum.GetValues<CoverageStatus>().ToDictionary(ReportText.Status, s => s, StringComparer.Ordinal);

    /// <summary>A footer with the plan's title and "pagina X van Y".</summary>
    private static string AddFooter(MainDocumentPart main, string title)
    {
        var part = main.AddNewPart<FooterPart>();
        var shortTitle = title.Length > 80 ? title[..79] + "…" : title;
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Small" }, new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth })),
            Run("PolicyLens · " + shortTitle), new Run(new TabChar()), Run("pagina "), new SimpleField(Run("1")) { Instruction = " PAGE " },
            Run(" van "), new SimpleField(Run("1")) { Instruction = " NUMPAGES " }));
        part.Footer.Save();
        return main.GetIdOfPart(part);
    }

    internal static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "20" }, new Languages { Val = "nl-NL" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "100", Line = "252", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, isDefault: true),
            ParagraphStyle("Title", "Title", new StyleRunProperties(new Bold(), new Color { Val = "1F3F44" }, new FontSize { Val = "36" })),
            ParagraphStyle("Subtitle", "Subtitle", new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "20" })),
            HeadingStyle("Heading1", "heading 1", 0, "28", "2C5D63"),
            HeadingStyle("Heading2", "heading 2", 1, "24", "2C5D63"),
            HeadingStyle("Heading3", "heading 3", 2, "20", "1F3F44"),
            ParagraphStyle("Quote", "Quote", new StyleRunProperties(new Italic(), new Color { Val = "333333" }),
                new StyleParagraphProperties(new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 12U, Space = 8U, Color = "2C5D63" }),
                    new SpacingBetweenLines { Before = "40", After = "20" }, new Indentation { Left = "284", Right = "284" })),
            ParagraphStyle("Caption", "caption", new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "16" }),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "100" }, new Indentation { Left = "284" })),
            ParagraphStyle("ListParagraph", "List Paragraph", null, new StyleParagraphProperties(new Indentation { Left = "720" }, new ContextualSpacing())),
            ParagraphStyle("Small", "Small", new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "16" }),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "40" })),
            new Style(
                new StyleName { Val = "Table Grid" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" },
                    new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "BFBFBF" })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
        part.Styles = styles;
        part.Styles.Save();
    }

    private static Style ParagraphStyle(string id, string name, StyleRunProperties? run, StyleParagraphProperties? paragraph = null, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        else style.Append(new BasedOn { Val = "Normal" }, new PrimaryStyle());
        if (paragraph is not null) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }

    private static Style HeadingStyle(string id, string name, int outlineLevel, string size, string color) =>
        new(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = outlineLevel == 0 ? "280" : outlineLevel == 1 ? "200" : "120", After = "60" },
                new OutlineLevel { Val = outlineLevel }),
            new StyleRunProperties(new Bold(), new Color { Val = color }, new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };

    internal static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new Level(
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });
        part.Numbering.Save();
    }
}

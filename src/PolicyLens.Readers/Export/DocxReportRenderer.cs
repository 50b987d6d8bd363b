using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLens.Coverage;
using PolicyLens.Report;

namespace PolicyLens.Readers.Export;

/// <summary>
/// The full report as an editable Word document for an advisor: real heading styles (Kop 1–3,
/// so the navigation pane and a table of contents work), tables with a repeating header row,
/// bulleted suggestions and evidence quotes with the matched words highlighted.
/// </summary>
public sealed class DocxReportRenderer : IReportRenderer
{
    private const int BulletNumberingId = 1;

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
        var body = new Body();
        main.Document = new Document(body);
        Fill(body, report);
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
        document.PackageProperties.Title = XmlText.Clean("Rapport: " + report.Plan.Title);
        document.PackageProperties.Creator = "PolicyLens";
        main.Document.Save();
    }

    private static void Fill(Body body, PlanReport report)
    {
        var plan = report.Plan;
        body.Append(Para("Rapport: " + plan.Title, "Title"));
        var meta = $"Bestand: {plan.FileName}";
        if (plan.Municipality is { } m) meta += $" · Gemeente: {m}";
        if (plan.PageCount is { } pages) meta += $" · Pagina's: {pages}";
        meta += $" · Passages: {report.Summary.Passages}";
        body.Append(Para(meta, "Subtitle"));
        body.Append(Para($"Regelset: {plan.RuleSetVersion}", "Subtitle"));
        if (plan.Warnings.Count > 0)
        {
            body.Append(new Paragraph(Run(ReportText.WarningsLead, bold: true)));
            foreach (var warning in plan.Warnings) body.Append(Para("• " + warning));
        }

        body.Append(Para("Samenvatting", "Heading1"));
        body.Append(Para(ReportText.Summary(report.Summary)));

        body.Append(Para("Controles", "Heading1"));
        if (report.Checks.Count == 0) body.Append(Para("Er zijn geen controles ingesteld."));
        foreach (var check in report.Checks)
        {
            body.Append(Para($"{ReportText.CheckMark(check.Status)} {check.Title} ({check.StatusText})", "Heading2"));
            body.Append(Para(check.Message));
            body.Append(new Paragraph(Run("Waarom: ", bold: true), Run(check.Explanation)));
            if (check.Passages.Count > 0)
                body.Append(Para("Passages: " + string.Join("; ", check.Passages.Select(ReportText.Location).Distinct().Take(10)), "Caption"));
        }

        body.Append(Para("Dekking per dimensie", "Heading1"));
        foreach (var dimension in report.Dimensions)
        {
            body.Append(Para(dimension.Title, "Heading2"));
            body.Append(Table(["Label", "Status", "Passages", "Sterkte", "Aandeel", "Waar"],
                dimension.Rows.Select(r => (IReadOnlyList<string>)[r.Name, r.StatusText, r.Passages.ToString(ReportText.Culture), ReportText.Number(r.Strength),
                    ReportText.Percent(r.Share), string.Join("; ", r.Sections.Select(s => $"{s.Heading} ({s.Passages})"))])));
        }

        foreach (var matrix in report.Matrices)
        {
            body.Append(Para(matrix.Title, "Heading1"));
            body.Append(Table(["Element", .. matrix.ColumnNames],
                matrix.RowNames.Select((name, r) => (IReadOnlyList<string>)[name, .. matrix.Passages[r].Select(n => n.ToString(ReportText.Culture))])));
        }

        body.Append(Para("Lacunes en suggesties", "Heading1"));
        if (report.Gaps.Count == 0) body.Append(Para("Geen lacunes gevonden."));
        foreach (var group in report.Gaps.GroupBy(g => g.DimensionTitle))
        {
            body.Append(Para(group.Key, "Heading2"));
            foreach (var gap in group)
            {
                var p = new Paragraph(Run(gap.Name, bold: true), Run($" ({gap.StatusText}): {gap.Description}"));
                body.Append(p);
                foreach (var action in gap.SuggestedActions) body.Append(Bullet(action));
            }
        }

        body.Append(Para("Sociale verbinding per hoofdstuk", "Heading1"));
        if (report.Chapters.Count == 0) body.Append(Para("Geen hoofdstukken herkend."));
        else
            body.Append(Table(["Hoofdstuk", "Beleidsdomeinen", "Werkzame elementen", "Passages"],
                report.Chapters.Select(c => (IReadOnlyList<string>)[c.Heading, string.Join(", ", c.Domains),
                    c.Elements.Count == 0 ? "geen" : string.Join(", ", c.Elements), c.Passages.ToString(ReportText.Culture)])));

        body.Append(Para("Opbouw van het plan", "Heading1"));
        if (report.Outline.Count == 0) body.Append(Para("Het plan heeft geen herkende koppen."));
        foreach (var node in report.Outline) Outline(body, node, 0);

        body.Append(Para("Bewijs per label", "Heading1"));
        foreach (var label in report.Evidence)
        {
            body.Append(Para($"{label.Name} ({ReportText.Dimension(label.Dimension).ToLowerInvariant()}, {ReportText.Status(label.Status)}, " +
                $"{label.TotalPassages} {(label.TotalPassages == 1 ? "passage" : "passages")})", "Heading2"));
            foreach (var e in label.Passages)
            {
                var quote = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Quote" }));
                var at = 0;
                foreach (var span in e.Spans)
                {
                    if (span.Start > at) quote.Append(Run(e.Text[at..span.Start]));
                    quote.Append(Run(e.Text.Substring(span.Start, span.Length), bold: true, highlight: true));
                    at = span.End;
                }
                if (at < e.Text.Length) quote.Append(Run(e.Text[at..]));
                body.Append(quote);
                var where = ReportText.Location(new PassageRef(e.Ordinal, e.Page, e.HeadingPath));
                if (e.MatchedTerms.Count > 0) where += " · gevonden: " + string.Join(", ", e.MatchedTerms);
                body.Append(Para(where, "Caption"));
            }
        }
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

    private static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(Run(text));
        return p;
    }

    private static Paragraph Bullet(string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId })),
            Run(text));

    private static Run Run(string text, bool bold = false, bool italic = false, bool highlight = false)
    {
        var run = new Run();
        if (bold || italic || highlight)
        {
            var props = new RunProperties();
            if (bold) props.Append(new Bold());
            if (italic) props.Append(new Italic());
            if (highlight) props.Append(new Highlight { Val = HighlightColorValues.Yellow });
            run.Append(props);
        }
        run.Append(new Text(XmlText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Table Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableLook { Val = "04A0" }));
        table.Append(new TableGrid(header.Select(_ => new GridColumn { Width = (9638 / header.Count).ToString(ReportText.Culture) })));
        var headRow = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var h in header) headRow.Append(new TableCell(new Paragraph(Run(h, bold: true))));
        table.Append(headRow);
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            foreach (var cell in row) tr.Append(new TableCell(new Paragraph(Run(cell))));
            table.Append(tr);
        }
        return table;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" }, new Languages { Val = "nl-NL" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, isDefault: true),
            ParagraphStyle("Title", "Title", new StyleRunProperties(new Bold(), new Color { Val = "1F3F44" }, new FontSize { Val = "44" })),
            ParagraphStyle("Subtitle", "Subtitle", new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "20" })),
            HeadingStyle("Heading1", "heading 1", 0, "32", "2C5D63"),
            HeadingStyle("Heading2", "heading 2", 1, "26", "2C5D63"),
            HeadingStyle("Heading3", "heading 3", 2, "23", "1F3F44"),
            ParagraphStyle("Quote", "Quote", new StyleRunProperties(new Italic(), new Color { Val = "333333" }),
                new StyleParagraphProperties(new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 12U, Space = 8U, Color = "2C5D63" }),
                    new SpacingBetweenLines { Before = "120", After = "40" }, new Indentation { Left = "567", Right = "567" })),
            ParagraphStyle("Caption", "caption", new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "18" }),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "160" }, new Indentation { Left = "567" })),
            ParagraphStyle("ListParagraph", "List Paragraph", null, new StyleParagraphProperties(new Indentation { Left = "720" }, new ContextualSpacing())),
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
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = outlineLevel == 0 ? "360" : "240", After = "80" },
                new OutlineLevel { Val = outlineLevel }),
            new StyleRunProperties(new Bold(), new Color { Val = color }, new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };

    private static void AddNumbering(MainDocumentPart main)
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

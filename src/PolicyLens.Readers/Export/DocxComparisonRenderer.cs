using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyLens.Coverage;
using PolicyLens.Report;

namespace PolicyLens.Readers.Export;

/// <summary>
/// The comparison report as an editable Word document (landscape A4, the styles of the plan
/// report): headline findings, the working elements across the plans, the checks, the
/// distribution of elements covered, per province, the other gap dimensions, and one row per
/// plan with its statuses as shaded letters (U, G, –) and a header row repeated on every page.
/// </summary>
public sealed class DocxComparisonRenderer : IComparisonRenderer
{
    public string Format => "docx";
    public string FileExtension => ".docx";
    public string ContentType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public bool IsText => false;

    public void Write(ComparisonReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var summary = ComparisonSummaryBuilder.Build(report);
        PackageOutput.Write(output, stream => WritePackage(summary, stream));
    }

    private static void WritePackage(ComparisonSummary s, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        DocxReportRenderer.AddStyles(main);
        DocxReportRenderer.AddNumbering(main);
        var body = new Body();
        main.Document = new Document(body);
        Fill(body, s);
        body.Append(new SectionProperties(
            new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 851, Bottom = 851, Left = 851U, Right = 851U, Header = 454U, Footer = 454U, Gutter = 0U }));
        document.PackageProperties.Title = "Vergelijking van plannen";
        document.PackageProperties.Creator = "PolicyLens";
        main.Document.Save();
    }

    private static string N(int n) => n.ToString(ReportText.Culture);

    private static void Fill(Body body, ComparisonSummary s)
    {
        body.Append(DocxReportRenderer.Para("Vergelijking van plannen", "Title"));
        body.Append(DocxReportRenderer.Para($"{N(s.PlanCount)} plannen · {N(s.MunicipalityCount)} gemeenten · regelset {s.RuleSetVersions}", "Subtitle"));

        body.Append(DocxReportRenderer.Para("Belangrijkste bevindingen", "Heading1"));
        foreach (var line in s.Headlines) body.Append(DocxReportRenderer.Bullet(line));

        body.Append(DocxReportRenderer.Para("Werkzame elementen over de plannen", "Heading1"));
        body.Append(DocxReportRenderer.Para("Gesorteerd op het aantal plannen waarin het element ontbreekt."));
        body.Append(DocxReportRenderer.Table(["Element", "Afwezig", "Genoemd", "Uitgewerkt", "Afwezig (aandeel)"],
            s.Elements.OrderByDescending(e => e.Absent).ThenBy(e => e.Name, StringComparer.Ordinal)
                .Select(e => (IReadOnlyList<string>)[e.Name, N(e.Absent), N(e.Mentioned), N(e.Elaborated), ReportText.Percent(e.AbsentShare)])));

        if (s.Checks.Count > 0)
        {
            body.Append(DocxReportRenderer.Para("Controles", "Heading1"));
            body.Append(DocxReportRenderer.Table(["Controle", "Niet gehaald", "Niet van toepassing", "Aandeel niet gehaald"],
                s.Checks.Select(c => (IReadOnlyList<string>)[c.Title, N(c.Failed), N(c.NotApplicable), ReportText.Percent(c.FailedShare)])));
        }

        body.Append(DocxReportRenderer.Para("Hoeveel elementen dekken de plannen?", "Heading1"));
        body.Append(DocxReportRenderer.Table(["Elementen gedekt", "Plannen"],
            s.ElementsCoveredDistribution.Select((count, k) => (IReadOnlyList<string>)[N(k), N(count)])));

        if (s.Provinces.Count > 0)
        {
            body.Append(DocxReportRenderer.Para("Per provincie", "Heading1"));
            body.Append(DocxReportRenderer.Table(["Provincie", "Plannen", "Gemiddeld gedekt", "Gemiddeld uitgewerkt"],
                s.Provinces.Select(p => (IReadOnlyList<string>)[p.Province, N(p.Plans), ReportText.Number(p.MeanElementsCovered), ReportText.Number(p.MeanElementsElaborated)])));
        }

        foreach (var d in s.OtherDimensions)
        {
            body.Append(DocxReportRenderer.Para(d.Title, "Heading1"));
            body.Append(DocxReportRenderer.Table(["Label", "Afwezig", "Genoemd", "Uitgewerkt"],
                d.Labels.Select(l => (IReadOnlyList<string>)[l.Name, N(l.Absent), N(l.Mentioned), N(l.Elaborated)])));
        }

        body.Append(DocxReportRenderer.Para("De plannen", "Heading1"));
        body.Append(DocxReportRenderer.Para(StatusLetters.Legend + " Kolommen: " + string.Join(", ", s.ElementNames.Select((name, i) => $"{i + 1} {name}")) + "."));
        body.Append(PlanTable(s));
    }

    /// <summary>The plans × elements table: narrow status columns, a header row repeated on every page, rows that do not split.</summary>
    private static Table PlanTable(ComparisonSummary s)
    {
        string[] lead = ["Gemeente", "Plan", "Provincie", "Gedekt"];
        int[] widths = [2000, 3600, 1700, 800];
        const int statusWidth = 520;
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = (widths.Sum() + statusWidth * s.ElementNames.Count + 2400).ToString(ReportText.Culture) },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableLook { Val = "04A0" }));
        table.Append(new TableGrid([.. widths.Select(w => new GridColumn { Width = w.ToString(ReportText.Culture) }),
            .. s.ElementNames.Select(_ => new GridColumn { Width = statusWidth.ToString(ReportText.Culture) }), new GridColumn { Width = "2400" }]));
        var head = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var h in lead) head.Append(Cell(h, bold: true));
        for (var i = 0; i < s.ElementNames.Count; i++) head.Append(Cell((i + 1).ToString(ReportText.Culture), bold: true, center: true));
        head.Append(Cell("Niet gehaald", bold: true));
        table.Append(head);
        foreach (var p in s.Plans)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            row.Append(Cell(p.Municipality ?? "–"), Cell(p.Title), Cell(p.Province ?? "–"), Cell(N(p.Covered), center: true));
            foreach (var status in p.Elements) row.Append(Cell(StatusLetters.Of(status), center: true, shade: StatusColours.Of(status)));
            row.Append(Cell(string.Join(", ", p.FailedChecks)));
            table.Append(row);
        }
        return table;
    }

    private static TableCell Cell(string text, bool bold = false, bool center = false, string? shade = null)
    {
        var properties = new TableCellProperties();
        if (shade is not null) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = shade });
        var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = center ? JustificationValues.Center : JustificationValues.Left }),
            DocxReportRenderer.Run(text, bold: bold));
        return new TableCell(properties, paragraph);
    }
}

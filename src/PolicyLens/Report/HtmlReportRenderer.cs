using System.Net;
using System.Text;
using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>
/// The report as one standalone HTML file: CSS inline, no scripts, no external resources, laid
/// out for printing (A4, tables kept together, no colours needed to read statuses). Every piece
/// of document text is HTML-encoded: a plan is untrusted input.
/// </summary>
public sealed class HtmlReportRenderer : TextReportRenderer
{
    public override string Format => "html";
    public override string FileExtension => ".html";
    public override string ContentType => "text/html; charset=utf-8";

    private const string Css = """
        body { font-family: "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.7rem; margin-bottom: .3rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #2c5d63; padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin-bottom: .3rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 10pt; page-break-inside: avoid; }
        th, td { border: 1px solid #c8c8c8; padding: .25rem .45rem; text-align: left; vertical-align: top; }
        th { background: #eef3f3; } td.num { text-align: right; }
        .meta { color: #555; margin: 0; } .status { font-weight: 600; white-space: nowrap; }
        .uitgewerkt { color: #1d6b34; } .genoemd { color: #8a5a00; } .afwezig { color: #a11; }
        .check { border-left: 4px solid #999; padding: .2rem .8rem; margin: .6rem 0; page-break-inside: avoid; }
        .check.waarschuwing { border-color: #c0392b; } .check.aandacht { border-color: #b9770e; } .check.info { border-color: #2c6fbb; }
        .check.in-orde { border-color: #2e8b57; } .check .mark { font-weight: 700; }
        blockquote { margin: .5rem 0; padding: .3rem .8rem; border-left: 3px solid #2c5d63; background: #f7f9f9; page-break-inside: avoid; }
        blockquote .where { display: block; color: #555; font-size: 9pt; margin-top: .2rem; }
        mark { background: #ffe98a; } ul.outline { padding-left: 1.2rem; } ul.outline .labels { color: #2c5d63; font-size: 9.5pt; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { page-break-after: avoid; } a { color: inherit; text-decoration: none; } }
        @page { size: A4; margin: 18mm; }
        .advice { background: #f3f7f7; border: 1px solid #c8d8d8; padding: .2rem 1rem; } .legend li { margin: .1rem 0; }
        td.cell { text-align: center; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        td.cell .why { display: block; font-size: 8pt; white-space: normal; color: inherit; }
        td.s-uitgewerkt { background: #1f6f43; color: #fff; } td.s-genoemd { background: #f3d98b; color: #1b1b1b; } td.s-afwezig { background: #f1f1f1; color: #555; }
        .note { font-size: 9pt; color: #555; } .kind { font-size: 8.5pt; text-transform: uppercase; color: #555; }
        """;

    public override string Render(PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.Plan;
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html>");
        h.AppendLine("<html lang=\"nl\"><head><meta charset=\"utf-8\">");
        h.Append("<title>Rapport: ").Append(E(plan.Title)).AppendLine("</title>");
        h.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Append("<style>").Append(Css).AppendLine("</style></head><body>");
        h.Append("<h1>Rapport: ").Append(E(plan.Title)).AppendLine("</h1>");
        h.Append("<p class=\"meta\">");
        if (plan.Municipality is { } m) h.Append("Gemeente: ").Append(E(m)).Append(" · ");
        h.Append("Bestand: ").Append(E(plan.FileName));
        if (plan.PageCount is { } pages) h.Append(" · Pagina's: ").Append(pages);
        h.Append(" · ").Append(E(ReportText.PlanPassages(report.Summary.PassageKinds))).AppendLine("</p>");
        if (plan.Warnings.Count > 0)
        {
            h.Append("<div class=\"flag warning\"><p><strong>").Append(E(ReportText.WarningsLead)).AppendLine("</strong></p><ul>");
            foreach (var warning in plan.Warnings) h.Append("<li>").Append(E(warning)).AppendLine("</li>");
            h.AppendLine("</ul></div>");
        }

        h.AppendLine("<h2>Samenvatting</h2><div class=\"advice\">");
        foreach (var paragraph in report.Advice.Paragraphs) h.Append("<p>").Append(E(paragraph)).AppendLine("</p>");
        h.AppendLine("</div>");
        h.AppendLine("<h3>Hoe de stand wordt bepaald</h3><ul class=\"legend\">");
        foreach (var line in report.StatusRule) h.Append("<li>").Append(E(line)).AppendLine("</li>");
        h.AppendLine("</ul>");

        foreach (var matrix in report.Matrices)
        {
            h.Append("<h2>").Append(E(matrix.Title)).AppendLine("</h2>");
            h.Append("<table><thead><tr><th>Element</th>");
            foreach (var column in matrix.ColumnNames) h.Append("<th>").Append(E(column)).Append("</th>");
            h.AppendLine("<th>Element in het hele plan</th></tr></thead><tbody>");
            for (var r = 0; r < matrix.RowNames.Count; r++)
            {
                h.Append("<tr><td>").Append(E(matrix.RowNames[r])).Append("</td>");
                if (matrix.Cells.Count > r)
                    foreach (var cell in matrix.Cells[r]) Cell(h, cell);
                else
                    foreach (var n in matrix.Passages[r]) h.Append("<td class=\"num\">").Append(n).Append("</td>");
                if (matrix.RowTotals.Count > r) Cell(h, matrix.RowTotals[r]);
                h.AppendLine("</tr>");
            }
            h.AppendLine("</tbody></table>");
            h.Append("<p class=\"note\">").Append(E(ReportText.HeatmapNote)).AppendLine("</p>");
        }

        h.AppendLine("<h2>Lacunes en suggesties</h2>");
        if (report.Gaps.Count == 0) h.AppendLine("<p>Geen lacunes gevonden.</p>");
        foreach (var group in report.Gaps.GroupBy(g => g.DimensionTitle))
        {
            h.Append("<h3>").Append(E(group.Key)).AppendLine("</h3>");
            foreach (var gap in group)
            {
                h.Append("<p><strong>").Append(E(gap.Name)).Append("</strong> <span class=\"status ").Append(gap.StatusText).Append("\">(").Append(E(gap.StatusText))
                 .Append(")</span>: ").Append(E(gap.Advice.Length > 0 ? gap.Advice : gap.Description)).AppendLine("</p>");
                if (gap.SuggestedActions.Count > 0)
                {
                    h.Append("<ul>");
                    foreach (var action in gap.SuggestedActions) h.Append("<li>").Append(E(action)).Append("</li>");
                    h.AppendLine("</ul>");
                }
            }
        }

        h.AppendLine("<h2>Controles</h2>");
        if (report.Checks.Count == 0) h.AppendLine("<p>Er zijn geen controles ingesteld.</p>");
        foreach (var check in report.Checks)
        {
            h.Append("<div class=\"check ").Append(ReportText.CheckStatusId(check.Status)).Append("\"><h3><span class=\"mark\">").Append(ReportText.CheckMark(check.Status))
             .Append("</span> ").Append(E(check.Title)).Append(" <span class=\"meta\">(").Append(E(check.StatusText)).AppendLine(")</span></h3>");
            h.Append("<p>").Append(E(check.Message)).AppendLine("</p>");
            h.Append("<p class=\"meta\">Waarom: ").Append(E(check.Explanation)).AppendLine("</p>");
            if (check.Passages.Count > 0)
                h.Append("<p class=\"meta\">Passages: ").Append(E(string.Join("; ", check.Passages.Select(ReportText.Location).Distinct().Take(10)))).AppendLine("</p>");
            h.AppendLine("</div>");
        }

        h.AppendLine("<h2>Dekking per dimensie</h2>");
        foreach (var dimension in report.Dimensions)
        {
            h.Append("<h3>").Append(E(dimension.Title)).AppendLine("</h3>");
            h.AppendLine("<table><thead><tr><th>Label</th><th>Stand</th><th>Passages</th><th>Sterkte</th><th>Aandeel</th><th>Waar</th></tr></thead><tbody>");
            foreach (var row in dimension.Rows)
                h.Append("<tr><td>").Append(E(row.Name)).Append("</td><td class=\"status ").Append(row.StatusText).Append("\" title=\"").Append(E(row.Explanation)).Append("\">")
                 .Append(E(row.StatusText)).Append("</td><td class=\"num\">").Append(E(ReportText.CountCell(row.Counts))).Append("</td><td class=\"num\">").Append(ReportText.Number(row.Strength))
                 .Append("</td><td class=\"num\">").Append(ReportText.Percent(row.Share)).Append("</td><td>")
                 .Append(E(string.Join("; ", row.Sections.Select(s => $"{s.Heading} ({s.Passages})")))).AppendLine("</td></tr>");
            h.AppendLine("</tbody></table>");
        }

        h.Append("<h2>").Append(ReportText.ChaptersTitle).AppendLine("</h2>");
        if (report.Chapters.Count == 0) h.AppendLine("<p>Geen hoofdstukken herkend.</p>");
        else
        {
            h.AppendLine("<table><thead><tr><th>Hoofdstuk</th><th>Beleidsdomeinen</th><th>Werkzame elementen</th><th>Passages</th></tr></thead><tbody>");
            foreach (var c in report.Chapters)
                h.Append("<tr><td>").Append(E(c.Heading)).Append("</td><td>").Append(E(string.Join(", ", c.Domains))).Append("</td><td>")
                 .Append(c.Elements.Count == 0 ? "<span class=\"afwezig\">geen</span>" : E(string.Join(", ", c.Elements)))
                 .Append("</td><td class=\"num\">").Append(c.Passages).AppendLine("</td></tr>");
            h.AppendLine("</tbody></table>");
        }

        h.AppendLine("<h2>Opbouw van het plan</h2>");
        if (report.Outline.Count == 0) h.AppendLine("<p>Het plan heeft geen herkende koppen.</p>");
        else Outline(h, report.Outline);

        h.AppendLine("<h2>Bewijs per label</h2>");
        foreach (var label in report.Evidence)
        {
            h.Append("<h3>").Append(E(label.Name)).Append(" <span class=\"meta\">(").Append(E(ReportText.Dimension(label.Dimension).ToLowerInvariant()))
             .Append(", ").Append(ReportText.Status(label.Status)).Append(", ").Append(E(ReportText.LabelPassages(label.Counts))).AppendLine(")</span></h3>");
            foreach (var e in label.Passages)
            {
                h.Append("<blockquote>");
                if (ReportText.KindName(e.Kind) is { } kind) h.Append("<span class=\"kind\">").Append(kind).Append("</span> ");
                h.Append(Highlighted(e)).Append("<span class=\"where\">")
                 .Append(E(ReportText.Location(new PassageRef(e.Ordinal, e.Page, e.HeadingPath))));
                if (e.MatchedTerms.Count > 0) h.Append(" · gevonden: ").Append(E(string.Join(", ", e.MatchedTerms)));
                h.AppendLine("</span></blockquote>");
            }
        }
        h.AppendLine("<h2>Colofon</h2><ul class=\"meta\">");
        foreach (var line in ReportText.Colophon(report)) h.Append("<li>").Append(E(line)).AppendLine("</li>");
        h.AppendLine("</ul>");
        h.AppendLine("</body></html>");
        return h.ToString();
    }

    /// <summary>A heatmap cell: its count and status, coloured by status, with the reason in small print.</summary>
    private static void Cell(StringBuilder h, ReportCell cell) =>
        h.Append("<td class=\"cell s-").Append(cell.StatusText).Append("\" title=\"").Append(E(cell.Explanation)).Append("\">")
         .Append(E(ReportText.CountCell(cell.Counts))).Append(" · ").Append(cell.StatusText)
         .Append("<span class=\"why\">").Append(E(cell.ShortReason)).Append("</span></td>");

    private static void Outline(StringBuilder h, IReadOnlyList<ReportOutlineNode> nodes)
    {
        h.Append("<ul class=\"outline\">");
        foreach (var node in nodes)
        {
            h.Append("<li>").Append(E(node.Heading));
            if (node.Page is { } p) h.Append(" <span class=\"meta\">(p. ").Append(p).Append(")</span>");
            if (node.Elements.Count > 0) h.Append(" <span class=\"labels\">— ").Append(E(string.Join(", ", node.Elements))).Append("</span>");
            if (node.Children.Count > 0) Outline(h, node.Children);
            h.Append("</li>");
        }
        h.AppendLine("</ul>");
    }

    private static string Highlighted(EvidencePassage e)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var span in e.Spans)
        {
            sb.Append(E(e.Text[at..span.Start])).Append("<mark>").Append(E(e.Text.Substring(span.Start, span.Length))).Append("</mark>");
            at = span.End;
        }
        return sb.Append(E(e.Text[at..])).ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

using System.Net;
using System.Text;
using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>Short status words for wide plan tables: U uitgewerkt, G genoemd, – afwezig.</summary>
public static class StatusLetters
{
    public static string Of(CoverageStatus status) => status switch
    {
        CoverageStatus.Uitgewerkt => "U",
        CoverageStatus.Genoemd => "G",
        _ => "–",
    };

    public const string Legend = "U = uitgewerkt, G = genoemd, – = afwezig.";
}

/// <summary>
/// The comparison report in Markdown: headline findings, the working elements across the plans,
/// the checks, the distribution of elements covered, per province, the other gap dimensions and
/// one row per plan. Document text is escaped as in <see cref="MarkdownReportRenderer"/>.
/// </summary>
public sealed class MarkdownComparisonRenderer : TextComparisonRenderer
{
    public override string Format => "md";
    public override string FileExtension => ".md";
    public override string ContentType => "text/markdown; charset=utf-8";

    public override string Render(ComparisonReport report)
    {
        var s = ComparisonSummaryBuilder.Build(report);
        var md = new StringBuilder();
        string I(string text) => MarkdownReportRenderer.Inline(text);
        string N(int n) => n.ToString(ReportText.Culture);
        md.AppendLine("# Vergelijking van plannen").AppendLine();
        md.Append("- Plannen: ").AppendLine(N(s.PlanCount));
        md.Append("- Gemeenten: ").AppendLine(N(s.MunicipalityCount));
        md.Append("- Regelset: `").Append(s.RuleSetVersions.Replace("`", "", StringComparison.Ordinal)).AppendLine("`").AppendLine();

        md.AppendLine("## Belangrijkste bevindingen").AppendLine();
        foreach (var line in s.Headlines) md.Append("- ").AppendLine(I(line));
        md.AppendLine();

        md.AppendLine("## Werkzame elementen over de plannen").AppendLine();
        md.AppendLine("Gesorteerd op het aantal plannen waarin het element ontbreekt.").AppendLine();
        md.AppendLine("| Element | Afwezig | Genoemd | Uitgewerkt | Afwezig (aandeel) |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var e in s.Elements.OrderByDescending(e => e.Absent).ThenBy(e => e.Name, StringComparer.Ordinal))
            md.Append("| ").Append(I(e.Name)).Append(" | ").Append(N(e.Absent)).Append(" | ").Append(N(e.Mentioned)).Append(" | ").Append(N(e.Elaborated))
              .Append(" | ").Append(ReportText.Percent(e.AbsentShare)).AppendLine(" |");
        md.AppendLine();

        if (s.Checks.Count > 0)
        {
            md.AppendLine("## Controles").AppendLine();
            md.AppendLine("| Controle | Niet gehaald | Niet van toepassing | Aandeel niet gehaald |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var c in s.Checks)
                md.Append("| ").Append(I(c.Title)).Append(" | ").Append(N(c.Failed)).Append(" | ").Append(N(c.NotApplicable)).Append(" | ")
                  .Append(ReportText.Percent(c.FailedShare)).AppendLine(" |");
            md.AppendLine();
        }

        md.AppendLine("## Hoeveel elementen dekken de plannen?").AppendLine();
        md.AppendLine("| Elementen gedekt | Plannen |");
        md.AppendLine("|---:|---:|");
        for (var k = 0; k < s.ElementsCoveredDistribution.Count; k++)
            md.Append("| ").Append(N(k)).Append(" | ").Append(N(s.ElementsCoveredDistribution[k])).AppendLine(" |");
        md.AppendLine();

        if (s.Provinces.Count > 0)
        {
            md.AppendLine("## Per provincie").AppendLine();
            md.AppendLine("| Provincie | Plannen | Gemiddeld gedekt | Gemiddeld uitgewerkt |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var p in s.Provinces)
                md.Append("| ").Append(I(p.Province)).Append(" | ").Append(N(p.Plans)).Append(" | ").Append(ReportText.Number(p.MeanElementsCovered))
                  .Append(" | ").Append(ReportText.Number(p.MeanElementsElaborated)).AppendLine(" |");
            md.AppendLine();
        }

        foreach (var d in s.OtherDimensions)
        {
            md.Append("## ").AppendLine(I(d.Title)).AppendLine();
            md.AppendLine("| Label | Afwezig | Genoemd | Uitgewerkt |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var l in d.Labels)
                md.Append("| ").Append(I(l.Name)).Append(" | ").Append(N(l.Absent)).Append(" | ").Append(N(l.Mentioned)).Append(" | ").Append(N(l.Elaborated)).AppendLine(" |");
            md.AppendLine();
        }

        md.AppendLine("## De plannen").AppendLine();
        md.AppendLine(StatusLetters.Legend + " Kolommen: " + string.Join(", ", s.ElementNames.Select((name, i) => $"{i + 1} {I(name)}")) + ".").AppendLine();
        md.Append("| Gemeente | Plan | Provincie | Jaar | Gedekt | ").Append(string.Join(" | ", s.ElementNames.Select((_, i) => N(i + 1)))).AppendLine(" | Niet gehaald |");
        md.Append("|---|---|---|---:|---:|").Append(string.Concat(s.ElementNames.Select(_ => ":---:|"))).AppendLine("---|");
        foreach (var p in s.Plans)
            md.Append("| ").Append(I(p.Municipality ?? "–")).Append(" | ").Append(I(p.Title)).Append(" | ").Append(I(p.Province ?? "–")).Append(" | ")
              .Append(p.Year?.ToString(ReportText.Culture) ?? "–").Append(" | ").Append(N(p.Covered)).Append(" | ")
              .Append(string.Join(" | ", p.Elements.Select(StatusLetters.Of))).Append(" | ").Append(I(string.Join(", ", p.FailedChecks))).AppendLine(" |");
        return md.ToString();
    }
}

/// <summary>
/// The comparison report as one standalone HTML file (inline CSS, no scripts), the same content
/// as <see cref="MarkdownComparisonRenderer"/>; statuses are letters and colours, so it prints in
/// black and white. Every text is HTML-encoded.
/// </summary>
public sealed class HtmlComparisonRenderer : TextComparisonRenderer
{
    public override string Format => "html";
    public override string FileExtension => ".html";
    public override string ContentType => "text/html; charset=utf-8";

    private const string Css = """
        body { font-family: "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1b1b1b; max-width: 75rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.7rem; margin-bottom: .3rem; } h2 { font-size: 1.3rem; border-bottom: 2px solid #2c5d63; padding-bottom: .2rem; margin-top: 2rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: 10pt; }
        th, td { border: 1px solid #c8c8c8; padding: .2rem .45rem; text-align: left; vertical-align: top; }
        th { background: #eef3f3; } td.num, th.num { text-align: right; } td.s { text-align: center; font-weight: 600; }
        td.U { background: #dff0e3; color: #1d6b34; } td.G { background: #fff3cd; color: #6b4e00; } td.A { background: #f1f1f1; color: #777; }
        .meta { color: #555; margin: 0; } ul.headlines li { margin: .3rem 0; }
        thead { display: table-header-group; } tr { page-break-inside: avoid; }
        @media print { body { margin: 0; max-width: none; font-size: 9pt; } h2 { page-break-after: avoid; } }
        @page { size: A4 landscape; margin: 12mm; }
        """;

    public override string Render(ComparisonReport report)
    {
        var s = ComparisonSummaryBuilder.Build(report);
        var h = new StringBuilder();
        string E(string text) => WebUtility.HtmlEncode(text);
        string N(int n) => n.ToString(ReportText.Culture);
        h.AppendLine("<!DOCTYPE html>");
        h.AppendLine("<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Vergelijking van plannen</title>");
        h.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Append("<style>").Append(Css).AppendLine("</style></head><body>");
        h.AppendLine("<h1>Vergelijking van plannen</h1>");
        h.Append("<p class=\"meta\">").Append(N(s.PlanCount)).Append(" plannen · ").Append(N(s.MunicipalityCount)).Append(" gemeenten · regelset <code>")
         .Append(E(s.RuleSetVersions)).AppendLine("</code></p>");

        h.AppendLine("<h2>Belangrijkste bevindingen</h2><ul class=\"headlines\">");
        foreach (var line in s.Headlines) h.Append("<li>").Append(E(line)).AppendLine("</li>");
        h.AppendLine("</ul>");

        h.AppendLine("<h2>Werkzame elementen over de plannen</h2>");
        h.AppendLine("<p>Gesorteerd op het aantal plannen waarin het element ontbreekt.</p>");
        h.AppendLine("<table><thead><tr><th>Element</th><th class=\"num\">Afwezig</th><th class=\"num\">Genoemd</th><th class=\"num\">Uitgewerkt</th><th class=\"num\">Afwezig (aandeel)</th></tr></thead><tbody>");
        foreach (var e in s.Elements.OrderByDescending(e => e.Absent).ThenBy(e => e.Name, StringComparer.Ordinal))
            h.Append("<tr><td>").Append(E(e.Name)).Append("</td><td class=\"num\">").Append(N(e.Absent)).Append("</td><td class=\"num\">").Append(N(e.Mentioned))
             .Append("</td><td class=\"num\">").Append(N(e.Elaborated)).Append("</td><td class=\"num\">").Append(ReportText.Percent(e.AbsentShare)).AppendLine("</td></tr>");
        h.AppendLine("</tbody></table>");

        if (s.Checks.Count > 0)
        {
            h.AppendLine("<h2>Controles</h2>");
            h.AppendLine("<table><thead><tr><th>Controle</th><th class=\"num\">Niet gehaald</th><th class=\"num\">Niet van toepassing</th><th class=\"num\">Aandeel niet gehaald</th></tr></thead><tbody>");
            foreach (var c in s.Checks)
                h.Append("<tr><td>").Append(E(c.Title)).Append("</td><td class=\"num\">").Append(N(c.Failed)).Append("</td><td class=\"num\">").Append(N(c.NotApplicable))
                 .Append("</td><td class=\"num\">").Append(ReportText.Percent(c.FailedShare)).AppendLine("</td></tr>");
            h.AppendLine("</tbody></table>");
        }

        h.AppendLine("<h2>Hoeveel elementen dekken de plannen?</h2>");
        h.AppendLine("<table><thead><tr><th class=\"num\">Elementen gedekt</th><th class=\"num\">Plannen</th></tr></thead><tbody>");
        for (var k = 0; k < s.ElementsCoveredDistribution.Count; k++)
            h.Append("<tr><td class=\"num\">").Append(N(k)).Append("</td><td class=\"num\">").Append(N(s.ElementsCoveredDistribution[k])).AppendLine("</td></tr>");
        h.AppendLine("</tbody></table>");

        if (s.Provinces.Count > 0)
        {
            h.AppendLine("<h2>Per provincie</h2>");
            h.AppendLine("<table><thead><tr><th>Provincie</th><th class=\"num\">Plannen</th><th class=\"num\">Gemiddeld gedekt</th><th class=\"num\">Gemiddeld uitgewerkt</th></tr></thead><tbody>");
            foreach (var p in s.Provinces)
                h.Append("<tr><td>").Append(E(p.Province)).Append("</td><td class=\"num\">").Append(N(p.Plans)).Append("</td><td class=\"num\">")
                 .Append(ReportText.Number(p.MeanElementsCovered)).Append("</td><td class=\"num\">").Append(ReportText.Number(p.MeanElementsElaborated)).AppendLine("</td></tr>");
            h.AppendLine("</tbody></table>");
        }

        foreach (var d in s.OtherDimensions)
        {
            h.Append("<h2>").Append(E(d.Title)).AppendLine("</h2>");
            h.AppendLine("<table><thead><tr><th>Label</th><th class=\"num\">Afwezig</th><th class=\"num\">Genoemd</th><th class=\"num\">Uitgewerkt</th></tr></thead><tbody>");
            foreach (var l in d.Labels)
                h.Append("<tr><td>").Append(E(l.Name)).Append("</td><td class=\"num\">").Append(N(l.Absent)).Append("</td><td class=\"num\">").Append(N(l.Mentioned))
                 .Append("</td><td class=\"num\">").Append(N(l.Elaborated)).AppendLine("</td></tr>");
            h.AppendLine("</tbody></table>");
        }

        h.AppendLine("<h2>De plannen</h2>");
        h.Append("<p>").Append(E(StatusLetters.Legend)).AppendLine("</p>");
        h.Append("<table><thead><tr><th>Gemeente</th><th>Plan</th><th>Provincie</th><th class=\"num\">Jaar</th><th class=\"num\">Gedekt</th>");
        for (var i = 0; i < s.ElementNames.Count; i++)
            h.Append("<th title=\"").Append(E(s.ElementNames[i])).Append("\"><abbr title=\"").Append(E(s.ElementNames[i])).Append("\">").Append(i + 1).Append("</abbr></th>");
        h.AppendLine("<th>Niet gehaald</th></tr></thead><tbody>");
        foreach (var p in s.Plans)
        {
            h.Append("<tr><td>").Append(E(p.Municipality ?? "–")).Append("</td><td>").Append(E(p.Title)).Append("</td><td>").Append(E(p.Province ?? "–"))
             .Append("</td><td class=\"num\">").Append(p.Year?.ToString(ReportText.Culture) ?? "–").Append("</td><td class=\"num\">").Append(N(p.Covered)).Append("</td>");
            foreach (var status in p.Elements)
            {
                var letter = StatusLetters.Of(status);
                h.Append("<td class=\"s ").Append(status == CoverageStatus.Afwezig ? "A" : letter).Append("\">").Append(letter).Append("</td>");
            }
            h.Append("<td>").Append(E(string.Join(", ", p.FailedChecks))).AppendLine("</td></tr>");
        }
        h.AppendLine("</tbody></table>");
        h.Append("<p class=\"meta\">Kolommen: ").Append(E(string.Join(", ", s.ElementNames.Select((name, i) => $"{i + 1} {name}")))).AppendLine(".</p>");
        h.AppendLine("</body></html>");
        return h.ToString();
    }
}

using System.Text;
using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>The report as Markdown (GitHub flavour: pipe tables). Document text is escaped so it cannot break the layout.</summary>
public sealed class MarkdownReportRenderer : TextReportRenderer
{
    public override string Format => "md";
    public override string FileExtension => ".md";
    public override string ContentType => "text/markdown; charset=utf-8";

    public override string Render(PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var plan = report.Plan;
        md.Append("# Rapport: ").AppendLine(Inline(plan.Title)).AppendLine();
        md.Append("- Bestand: ").AppendLine(Inline(plan.FileName));
        if (plan.Municipality is { } m) md.Append("- Gemeente: ").AppendLine(Inline(m));
        if (plan.PageCount is { } pages) md.Append("- Pagina's: ").AppendLine(pages.ToString(ReportText.Culture));
        md.Append("- Passages: ").AppendLine(ReportText.PlanPassages(report.Summary.PassageKinds)).AppendLine();
        if (plan.Warnings.Count > 0)
        {
            md.Append("> **").Append(ReportText.WarningsLead).AppendLine("**");
            foreach (var warning in plan.Warnings) md.Append("> - ").AppendLine(Inline(warning));
            md.AppendLine();
        }

        md.AppendLine("## Samenvatting").AppendLine();
        foreach (var paragraph in report.Advice.Paragraphs) md.AppendLine(Inline(paragraph)).AppendLine();

        md.AppendLine("## Hoe de stand wordt bepaald").AppendLine();
        foreach (var line in report.StatusRule) md.Append("- ").AppendLine(Inline(line));
        md.AppendLine();

        foreach (var matrix in report.Matrices)
        {
            md.Append("## ").AppendLine(matrix.Title).AppendLine();
            md.Append("| Element | ").Append(string.Join(" | ", matrix.ColumnNames.Select(Cell))).AppendLine(" | Element in het hele plan |");
            md.Append("|---|").Append(string.Concat(matrix.ColumnNames.Select(_ => "---|"))).AppendLine("---|");
            for (var r = 0; r < matrix.RowNames.Count; r++)
            {
                md.Append("| ").Append(Cell(matrix.RowNames[r])).Append(" | ");
                md.Append(matrix.Cells.Count > r
                    ? string.Join(" | ", matrix.Cells[r].Select(CellText))
                    : string.Join(" | ", matrix.Passages[r]));
                md.Append(" | ").Append(matrix.RowTotals.Count > r ? CellText(matrix.RowTotals[r]) : "").AppendLine(" |");
            }
            md.AppendLine().AppendLine(ReportText.HeatmapNote).AppendLine();
        }

        md.AppendLine("## Lacunes en suggesties").AppendLine();
        if (report.Gaps.Count == 0) md.AppendLine("Geen lacunes gevonden.").AppendLine();
        foreach (var group in report.Gaps.GroupBy(g => g.DimensionTitle))
        {
            md.Append("### ").AppendLine(group.Key).AppendLine();
            foreach (var gap in group)
            {
                md.Append("**").Append(Inline(gap.Name)).Append("** (").Append(gap.StatusText).Append("): ").AppendLine(Inline(gap.Advice.Length > 0 ? gap.Advice : gap.Description)).AppendLine();
                foreach (var action in gap.SuggestedActions) md.Append("- ").AppendLine(Inline(action));
                md.AppendLine();
            }
        }

        md.AppendLine("## Controles").AppendLine();
        if (report.Checks.Count == 0) md.AppendLine("Er zijn geen controles ingesteld.").AppendLine();
        foreach (var check in report.Checks)
        {
            md.Append("### ").Append(ReportText.CheckMark(check.Status)).Append(' ').Append(Inline(check.Title)).Append(" (").Append(check.StatusText).AppendLine(")").AppendLine();
            md.AppendLine(Inline(check.Message)).AppendLine();
            md.Append("*Waarom:* ").AppendLine(Inline(check.Explanation)).AppendLine();
            if (check.Passages.Count > 0)
                md.Append("Passages: ").AppendLine(string.Join("; ", check.Passages.Select(ReportText.Location).Distinct().Take(10))).AppendLine();
        }

        md.AppendLine("## Dekking per dimensie").AppendLine();
        foreach (var dimension in report.Dimensions)
        {
            md.Append("### ").AppendLine(dimension.Title).AppendLine();
            md.AppendLine("| Label | Stand | Passages | Sterkte | Aandeel | Waar | Waarom |");
            md.AppendLine("|---|---|---:|---:|---:|---|---|");
            foreach (var row in dimension.Rows)
                md.Append("| ").Append(Cell(row.Name)).Append(" | ").Append(row.StatusText).Append(" | ").Append(Cell(ReportText.CountCell(row.Counts)))
                  .Append(" | ").Append(ReportText.Number(row.Strength)).Append(" | ").Append(ReportText.Percent(row.Share))
                  .Append(" | ").Append(Cell(string.Join("; ", row.Sections.Select(s => $"{s.Heading} ({s.Passages})"))))
                  .Append(" | ").Append(Cell(row.Explanation)).AppendLine(" |");
            md.AppendLine();
        }

        md.AppendLine("## " + ReportText.ChaptersTitle).AppendLine();
        if (report.Chapters.Count == 0) md.AppendLine("Geen hoofdstukken herkend.").AppendLine();
        else
        {
            md.AppendLine("| Hoofdstuk | Beleidsdomeinen | Werkzame elementen | Passages |");
            md.AppendLine("|---|---|---|---:|");
            foreach (var c in report.Chapters)
                md.Append("| ").Append(Cell(c.Heading)).Append(" | ").Append(Cell(string.Join(", ", c.Domains))).Append(" | ")
                  .Append(c.Elements.Count == 0 ? "—" : Cell(string.Join(", ", c.Elements))).Append(" | ").Append(c.Passages).AppendLine(" |");
            md.AppendLine();
        }

        md.AppendLine("## Opbouw van het plan").AppendLine();
        if (report.Outline.Count == 0) md.AppendLine("Het plan heeft geen herkende koppen.").AppendLine();
        foreach (var node in report.Outline) Outline(md, node, 0);
        md.AppendLine();

        md.AppendLine("## Bewijs per label").AppendLine();
        foreach (var label in report.Evidence)
        {
            md.Append("### ").Append(Inline(label.Name)).Append(" (").Append(ReportText.Dimension(label.Dimension).ToLowerInvariant()).Append(", ")
              .Append(ReportText.Status(label.Status)).Append(", ").Append(Inline(ReportText.LabelPassages(label.Counts))).AppendLine(")").AppendLine();
            foreach (var e in label.Passages)
            {
                md.Append("> ").AppendLine(Highlighted(e));
                md.Append("> — ").Append(Inline(ReportText.Location(new PassageRef(e.Ordinal, e.Page, e.HeadingPath))));
                if (ReportText.KindName(e.Kind) is { } kind) md.Append(" · ").Append(kind);
                if (e.MatchedTerms.Count > 0) md.Append(" · gevonden: ").Append(Inline(string.Join(", ", e.MatchedTerms)));
                md.AppendLine().AppendLine();
            }
        }

        md.AppendLine("## Colofon").AppendLine();
        foreach (var line in ReportText.Colophon(report)) md.Append("- ").AppendLine(Inline(line));
        return md.ToString();
    }

    private static string CellText(ReportCell cell) => $"{Inline(ReportText.CountCell(cell.Counts))} · {cell.StatusText}";

    private static void Outline(StringBuilder md, ReportOutlineNode node, int depth)
    {
        md.Append(' ', depth * 2).Append("- ").Append(Inline(node.Heading));
        if (node.Page is { } p) md.Append(" (p. ").Append(p).Append(')');
        if (node.Elements.Count > 0) md.Append(" — ").Append(Inline(string.Join(", ", node.Elements)));
        md.AppendLine();
        foreach (var child in node.Children) Outline(md, child, depth + 1);
    }

    private static string Highlighted(EvidencePassage e)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var span in e.Spans)
        {
            sb.Append(Inline(e.Text[at..span.Start]));
            sb.Append("**").Append(Inline(e.Text.Substring(span.Start, span.Length))).Append("**");
            at = span.End;
        }
        sb.Append(Inline(e.Text[at..]));
        return sb.ToString();
    }

    /// <summary>Escapes Markdown syntax and folds line breaks, so document text stays plain text on one line.</summary>
    public static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t') { sb.Append(' '); continue; }
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!' or '~') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Cell(string text) => Inline(text);
}

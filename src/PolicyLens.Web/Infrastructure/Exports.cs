using System.Globalization;
using System.Text;
using PolicyLens.Coverage;
using PolicyLens.Readers.Export;
using PolicyLens.Report;

namespace PolicyLens.Web.Infrastructure;

/// <summary>One plan's label coverage as CSV: one row per label, for a spreadsheet or a script.</summary>
public static class PlanCsvRenderer
{
    public static string Render(PlanCoverage coverage)
    {
        var sb = new StringBuilder();
        // Text fields go through Quote (spreadsheet-safe); numbers are written as numbers.
        string Text(string s) => CsvComparisonRenderer.Quote(s);
        CsvComparisonRenderer.Join(sb, new[] { "document_id", "titel", "dimensie", "label", "naam", "stand", "passages", "sterkte", "aandeel", "passage_nummers" }.Select(Text));
        foreach (var l in coverage.Labels)
            CsvComparisonRenderer.Join(sb,
            [
                coverage.Plan.DocumentId?.ToString(CultureInfo.InvariantCulture) ?? "", Text(coverage.Plan.Title), Text(l.Label.Dimension), Text(l.Label.Id), Text(l.Label.Name),
                Text(Display.StatusText(l.Status)), l.Passages.ToString(CultureInfo.InvariantCulture), l.Strength.ToString("0.##", CultureInfo.InvariantCulture),
                l.Share.ToString("0.####", CultureInfo.InvariantCulture), string.Join(' ', l.PassageOrdinals.Select(o => (o + 1).ToString(CultureInfo.InvariantCulture))),
            ]);
        return sb.ToString();
    }
}

/// <summary>A file to send: bytes, content type and a download name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The export formats of the report and compare pages, rendered by the report library's renderers
/// (Markdown, HTML, JSON, DOCX for a plan; CSV, JSON, XLSX and the comparison report as DOCX,
/// HTML and Markdown for a comparison). A comparison export holds exactly the plans of the
/// compare page's view (same query parameters).
/// </summary>
public sealed class ExportService(CoverageService coverage, ComparisonSelection selection)
{
    private static readonly IPlanReportBuilder Builder = new PlanReportBuilder();

    private static readonly Dictionary<string, IReportRenderer> PlanRenderers = new(StringComparer.Ordinal)
    {
        ["md"] = new MarkdownReportRenderer(),
        ["html"] = new HtmlReportRenderer(),
        ["json"] = new JsonReportRenderer(),
        ["docx"] = new DocxReportRenderer(),
    };

    private static readonly Dictionary<string, IComparisonRenderer> ComparisonRenderers = new(StringComparer.Ordinal)
    {
        ["csv"] = new CsvComparisonRenderer(),
        ["json"] = new JsonComparisonRenderer(),
        ["xlsx"] = new XlsxComparisonRenderer(),
        ["docx"] = new DocxComparisonRenderer(),
        ["html"] = new HtmlComparisonRenderer(),
        ["md"] = new MarkdownComparisonRenderer(),
    };

    /// <summary>With the appendix, the Word and PDF reports carry all evidence, not only the strongest.</summary>
    private static readonly IPlanReportBuilder FullBuilder = new PlanReportBuilder(new ReportOptions { MaxEvidencePerLabel = int.MaxValue });

    /// <summary>The PDF report (LibreOffice); <see cref="PdfReportRenderer.IsAvailable"/> says whether it can be made here.</summary>
    public static PdfReportRenderer Pdf { get; } = new();

    private static readonly PdfReportRenderer PdfWithAppendix = new(new PdfReportOptions { Docx = new DocxReportOptions { Appendix = true } });
    private static readonly DocxReportRenderer DocxWithAppendix = new(new DocxReportOptions { Appendix = true });

    /// <summary>csv, md, html, json, docx, pdf, and xlsx (a one-plan comparison workbook).</summary>
    public static IReadOnlyList<string> PlanFormats { get; } = ["csv", .. PlanRenderers.Keys, "pdf", "xlsx"];
    public static IReadOnlyList<string> ComparisonFormats { get; } = [.. ComparisonRenderers.Keys];

    /// <summary>
    /// The plan's report in a format; null when the plan or the format is unknown. <paramref name="appendix"/>
    /// adds the full tables and evidence to the Word and PDF reports. A PDF that cannot be made
    /// throws <see cref="ReportConversionException"/> with a Dutch reason.
    /// </summary>
    public ExportFile? Plan(long documentId, string format, bool appendix = false)
    {
        if (coverage.Get(documentId) is not { } plan) return null;
        var name = FileStem(plan.Document.Title);
        if (format == "csv")
            return new ExportFile(new UTF8Encoding(false).GetBytes(PlanCsvRenderer.Render(plan.Coverage)), "text/csv; charset=utf-8", name + ".csv");
        IReportRenderer? report = format switch
        {
            "pdf" => appendix ? PdfWithAppendix : Pdf,
            "docx" when appendix => DocxWithAppendix,
            _ => PlanRenderers.GetValueOrDefault(format),
        };
        if (report is not null)
        {
            using var stream = new MemoryStream();
            report.Write((appendix ? FullBuilder : Builder).Build(plan.Coverage), stream);
            return new ExportFile(stream.ToArray(), report.ContentType, name + (appendix ? "-met-bijlage" : "") + report.FileExtension);
        }
        if (format == "xlsx")
            return Render(ComparisonRenderers[format], coverage.Compare([plan]), [plan.Coverage], name);
        return null;
    }

    /// <summary>
    /// The comparison of a compare-page view in a format; null for an unknown format. CSV takes
    /// <c>scheiding</c> (puntkomma, komma, tab) and <c>decimaal</c> (komma, punt); an impossible
    /// pair is an <see cref="ArgumentException"/> with a Dutch message.
    /// </summary>
    public ExportFile? Comparison(ComparisonQuery query, string format, string? separator = null, string? decimalMark = null)
    {
        if (!ComparisonRenderers.TryGetValue(format, out var renderer)) return null;
        if (format == "csv") renderer = new CsvComparisonRenderer(CsvOptions(separator, decimalMark));
        var view = selection.Select(query);
        var plans = view.Rows.Select(r => r.Plan).ToList();
        var comparison = view.Comparison ?? coverage.Compare(plans);
        return Render(renderer, comparison, view.Coverages, "policylens-vergelijking");
    }

    /// <summary>The CSV options the export link asks for; defaults ; and , (Belgian and Dutch Excel).</summary>
    public static CsvComparisonOptions CsvOptions(string? separator, string? decimalMark)
    {
        var options = new CsvComparisonOptions
        {
            Separator = separator switch
            {
                null or "" or "puntkomma" or ";" => ';',
                "komma" or "," => ',',
                "tab" => '\t',
                "pijp" or "|" => '|',
                _ => throw new ArgumentException($"Onbekend scheidingsteken '{separator}'; kies puntkomma, komma, tab of pijp."),
            },
            DecimalMark = decimalMark switch
            {
                null or "" or "komma" or "," => ',',
                "punt" or "." => '.',
                _ => throw new ArgumentException($"Onbekend decimaalteken '{decimalMark}'; kies komma of punt."),
            },
        };
        return options.Problem() is { } problem ? throw new ArgumentException(char.ToUpperInvariant(problem[0]) + problem[1..] + ".") : options;
    }

    private static ExportFile Render(IComparisonRenderer renderer, PlanComparison comparison, IReadOnlyList<PlanCoverage> plans, string name)
    {
        var report = new ComparisonReport(comparison, plans);
        using var stream = new MemoryStream();
        renderer.Write(report, stream);
        return new ExportFile(stream.ToArray(), renderer.ContentType, name + renderer.FileExtension);
    }

    /// <summary>A download name from a title: letters, digits and dashes only, so no header or path tricks.</summary>
    public static string FileStem(string title)
    {
        var sb = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= 80) break;
        }
        var stem = sb.ToString().Trim('-');
        return stem.Length == 0 ? "policylens-rapport" : stem;
    }
}

using System.Diagnostics;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Export;
using PolicyLens.Readers.Rules;
using PolicyLens.Readers.Tests.Rules;
using PolicyLens.Report;
using PolicyLens.Tagging;

namespace PolicyLens.Readers.Tests.Export;

/// <summary>
/// The PDF of the report (LibreOffice headless) and, through it, the length of the Word report:
/// the report of a plan of about five pages stays within eight pages. Needs LibreOffice and
/// pdfinfo, which scripts/install-deps.sh installs.
/// </summary>
public class PdfReportExport
{
    private static readonly Lazy<RuleTagger> Tagger = new(() => new RuleTagger(RuleSetLoader.LoadOrThrow(RepositoryPaths.Rules)));

    private static PlanReport ReportOf(string corpusFile)
    {
        var path = Path.GetFullPath(Path.Join(RepositoryPaths.Root, "..", "shared", "corpus", "dev", corpusFile));
        var ingestion = DefaultReaders.CreateIngestor().Ingest(new DocumentSource(path));
        Assert.True(ingestion.Succeeded, ingestion.Error);
        return new PlanReportBuilder().Build(PlanTagging.Analyze(ingestion, Tagger.Value));
    }

    private static PdfReportRenderer Renderer()
    {
        var renderer = new PdfReportRenderer();
        Assert.True(renderer.IsAvailable, "The PDF report needs LibreOffice (soffice), which is not installed. Run scripts/install-deps.sh and run the tests again.");
        return renderer;
    }

    private static int Pages(byte[] pdf)
    {
        var path = Path.Join(Path.GetTempPath(), $"policylens-pages-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdfinfo", [path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var line = output.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_report_of_a_plan_of_about_five_pages_is_a_pdf_of_at_most_eight_pages()
    {
        // Leuven's goals, actions and investments: 4 pages as text (LibreOffice), 34 passages of running text.
        using var output = new MemoryStream();
        Renderer().Write(ReportOf("019_leuven-meerjarenplan-2026-2031-beleidsdoelstellingen.txt"), output);

        var pdf = output.ToArray();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.InRange(Pages(pdf), 2, 8);
    }

    [Fact]
    public void The_appendix_makes_the_report_longer_and_a_missing_LibreOffice_is_a_clear_Dutch_error()
    {
        var report = ReportOf("003_brugge-vierkant-tegen-eenzaamheid.txt");
        using var plain = new MemoryStream();
        using var full = new MemoryStream();
        Renderer().Write(report, plain);
        new PdfReportRenderer(new PdfReportOptions { Docx = new DocxReportOptions { Appendix = true } }).Write(report, full);
        Assert.True(Pages(full.ToArray()) > Pages(plain.ToArray()));

        var missing = new PdfReportRenderer(new PdfReportOptions { LibreOfficePath = "/nergens/soffice" });
        Assert.False(missing.IsAvailable);
        var error = Assert.Throws<ReportConversionException>(() => missing.Write(report, new MemoryStream()));
        Assert.Contains("LibreOffice", error.Message);
        Assert.Contains("Word-rapport", error.Message);
    }
}

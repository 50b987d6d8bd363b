using System.Diagnostics;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Pdf;
using Xunit.Abstractions;

namespace PolicyLens.Readers.Tests.Pdf;

/// <summary>OCR with tesseract for pages without a usable text layer.</summary>
public sealed class PdfOcr(ITestOutputHelper output) : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    // A generous page limit: the shared test machine can be many times slower than a real server.
    private static readonly PdfOcrOptions On = new() { Enabled = true, PageTimeLimit = TimeSpan.FromMinutes(5) };

    private static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        p.StandardError.ReadToEndAsync();
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return text;
    }

    /// <summary>A PDF whose only page is a JPEG picture of page <paramref name="page"/> of a fixture: a scan, without text layer.</summary>
    private string ScannedCopy(string fixture, int page, int dpi)
    {
        var prefix = _files.PathFor("scan");
        Run("pdftoppm", "-f", $"{page}", "-l", $"{page}", "-r", $"{dpi}", "-gray", "-jpeg", "-singlefile", PdfFixtures.PathOf(fixture), prefix);
        var jpeg = File.ReadAllBytes(prefix + ".jpg");
        var (w, h, components) = JpegSize(jpeg);
        var pdf = HostilePdfs.Build(
            HostilePdfs.Obj("<< /Type /Catalog /Pages 2 0 R >>"),
            HostilePdfs.Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            HostilePdfs.Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"),
            HostilePdfs.Stream("", HostilePdfs.Obj("q 595 0 0 842 0 0 cm /Im1 Do Q")),
            HostilePdfs.Stream($"/Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /{(components == 1 ? "DeviceGray" : "DeviceRGB")} /BitsPerComponent 8 /Filter /DCTDecode", jpeg));
        return _files.Write("gescand.pdf", pdf);
    }

    private static (int Width, int Height, int Components) JpegSize(byte[] jpeg)
    {
        for (var i = 2; i + 9 < jpeg.Length;)
        {
            if (jpeg[i] != 0xFF) { i++; continue; }
            var marker = jpeg[i + 1];
            var length = jpeg[i + 2] << 8 | jpeg[i + 3];
            if (marker is 0xC0 or 0xC1 or 0xC2) return (jpeg[i + 7] << 8 | jpeg[i + 8], jpeg[i + 5] << 8 | jpeg[i + 6], jpeg[i + 9]);
            i += 2 + length;
        }
        throw new InvalidDataException("no JPEG frame header");
    }

    [Fact]
    public void Tesseract_recognises_at_least_95_percent_of_the_words_of_a_rendered_page()
    {
        var ocr = new TesseractOcr(On);
        var watch = Stopwatch.StartNew();
        var result = ocr.Recognize(PdfFixtures.PathOf("plan.pdf"), 2, 595.3, 841.9);
        watch.Stop();
        Assert.True(result.Succeeded, result.Failure);
        var recognised = string.Join(" ", result.Page!.Runs.Select(r => r.Text));
        var truth = Run("pdftotext", "-f", "2", "-l", "2", "-enc", "UTF-8", PdfFixtures.PathOf("plan.pdf"), "-");
        var recall = PdfFixtures.WordRecall(truth, recognised);
        var precision = PdfFixtures.WordRecall(recognised, truth);
        output.WriteLine($"OCR of plan.pdf page 2 at 300 dpi: word recall {recall:0.000}, precision {precision:0.000}, {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(recall >= 0.95 && precision >= 0.95, $"word recall {recall:0.000}, precision {precision:0.000}");
    }

    [Fact]
    public void With_OCR_on_a_scanned_page_becomes_passages_marked_as_OCR()
    {
        var path = ScannedCopy("plan.pdf", 2, 200);
        var off = TestFiles.Ingest(path);
        Assert.Contains("OCR is not enabled", off.Error);

        var result = DefaultReaders.CreateIngestor(pdf: new PdfReaderOptions { Ocr = On }).Ingest(new DocumentSource(path));
        Assert.True(result.Succeeded, result.Error);
        Assert.NotEmpty(result.Passages);
        Assert.All(result.Passages, p => Assert.True(p.FromOcr));
        Assert.Contains("tesseract OCR", result.Document!.ReadBy);
        Assert.Contains(result.Issues, i => i.Message.Contains("recognised by OCR") && i.Page == 1);
        var truth = Run("pdftotext", "-f", "2", "-l", "2", "-enc", "UTF-8", PdfFixtures.PathOf("plan.pdf"), "-");
        Assert.True(PdfFixtures.WordRecall(truth, result.PlainText) >= 0.85);
    }

    [Fact]
    public void The_OCR_status_names_the_installed_languages()
    {
        var status = new TesseractOcr(On).GetStatus();
        Assert.True(status.IsAvailable, status.Message);
        Assert.Contains("nld+eng", status.Message);
        Assert.False(new TesseractOcr(On with { Languages = "xyz" }).GetStatus().IsAvailable);
    }
}

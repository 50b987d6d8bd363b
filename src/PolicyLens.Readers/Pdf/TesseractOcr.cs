using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyLens.Readers.Pdf;

/// <summary>Settings of OCR for pages without a usable text layer. Off by default: it costs seconds per page.</summary>
public sealed record PdfOcrOptions
{
    /// <summary>Run OCR on scanned pages and pages whose text is symbol soup. Default <c>false</c> (configuration key <c>PolicyLens:Ocr:Enabled</c>).</summary>
    public bool Enabled { get; init; }

    /// <summary>Folder holding the tesseract executable; <c>null</c> finds it on the PATH.</summary>
    public string? TesseractDirectory { get; init; }

    /// <summary>Tesseract language packs, joined by '+'. Default <c>nld+eng</c> (Debian: tesseract-ocr-nld; eng comes with tesseract).</summary>
    public string Languages { get; init; } = "nld+eng";

    /// <summary>Resolution pages are rendered at for recognition. Default 300 dpi: below 200 accuracy drops quickly, above 300 only time grows.</summary>
    public int Dpi
    {
        get => _dpi;
        init => _dpi = value is >= 72 and <= 600 ? value : throw new ArgumentOutOfRangeException(nameof(Dpi), value, "Use 72 to 600 dpi.");
    }
    private readonly int _dpi = 300;

    /// <summary>Wall-clock limit for rendering and recognising one page. Default 60 seconds.</summary>
    public TimeSpan PageTimeLimit
    {
        get => _pageTimeLimit;
        init => _pageTimeLimit = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(PageTimeLimit), value, "The time limit must be positive.");
    }
    private readonly TimeSpan _pageTimeLimit = TimeSpan.FromSeconds(60);

    /// <summary>Pages recognised at most per document; the rest are reported. Default 60 (about five minutes at 300 dpi).</summary>
    public int MaxPages
    {
        get => _maxPages;
        init => _maxPages = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPages), value, "At least one page.");
    }
    private readonly int _maxPages = 60;

    public static PdfOcrOptions Disabled { get; } = new();
}

/// <summary>What OCR gives for one page: its words as positioned runs, or why it failed.</summary>
public sealed record PdfOcrResult(PdfPageText? Page, string? Failure)
{
    public bool Succeeded => Page is not null;
}

/// <summary>Recognises the text of one PDF page from a picture of it.</summary>
public interface IPdfOcrEngine
{
    /// <summary>Whether OCR can run here (tesseract and its language packs, pdftoppm).</summary>
    PdfEngineStatus GetStatus();

    PdfOcrResult Recognize(string pdfPath, int pageNumber, double pageWidth, double pageHeight, CancellationToken cancellationToken = default);
}

/// <summary>
/// OCR with Debian's tesseract: poppler's <c>pdftoppm</c> renders the page to a grey PNG, then
/// <c>tesseract … tsv</c> gives every word with its box and confidence. Both are separate processes
/// with the page time limit, like poppler itself. Words become runs in PDF points, so the same layout
/// analysis (lines, paragraphs, headings) works on recognised pages.
/// </summary>
public sealed partial class TesseractOcr : IPdfOcrEngine
{
    public const string InstallHint = "OCR needs tesseract with the Dutch language pack: apt-get install tesseract-ocr tesseract-ocr-nld (macOS: brew install tesseract tesseract-lang; Windows: the UB Mannheim installer, then set PolicyLens:Ocr:TesseractPath).";

    private readonly PdfOcrOptions _ocr;
    private readonly PdfReaderOptions _pdf;

    public TesseractOcr(PdfOcrOptions? ocr = null, PdfReaderOptions? pdf = null)
    {
        _ocr = ocr ?? PdfOcrOptions.Disabled;
        _pdf = pdf ?? PdfReaderOptions.Default;
    }

    public PdfEngineStatus GetStatus()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var (outcome, output) = ProcessRunner.RunToString(Tesseract(), ["--list-langs"], deadline, 64 * 1024, 8 * 1024, CancellationToken.None);
        if (!outcome.Succeeded) return new PdfEngineStatus(false, "tesseract", null, $"tesseract could not be run ({outcome.StandardError}). {InstallHint}");
        var installed = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var missing = _ocr.Languages.Split('+').Where(l => !installed.Contains(l)).ToList();
        var (versionOutcome, banner) = ProcessRunner.RunToString(Tesseract(), ["--version"], deadline, 64 * 1024, 8 * 1024, CancellationToken.None);
        var version = VersionPattern().Match(banner + "\n" + versionOutcome.StandardError) is { Success: true } m ? m.Groups[1].Value : null;
        if (missing.Count > 0)
            return new PdfEngineStatus(false, "tesseract", version, $"tesseract {version} lacks the language pack(s) {string.Join(", ", missing)}. {InstallHint}");
        var state = _ocr.Enabled ? "enabled" : "installed but off (set PolicyLens:Ocr:Enabled to true)";
        return new PdfEngineStatus(true, "tesseract", version, $"OCR {state}: tesseract {version}, languages {_ocr.Languages}, {_ocr.Dpi} dpi.");
    }

    public PdfOcrResult Recognize(string pdfPath, int pageNumber, double pageWidth, double pageHeight, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + _ocr.PageTimeLimit;
        var dir = Directory.CreateTempSubdirectory("policylens-ocr-");
        try
        {
            var page = pageNumber.ToString(CultureInfo.InvariantCulture);
            var prefix = Path.Combine(dir.FullName, "page");
            var render = ProcessRunner.Run(Poppler("pdftoppm"), ["-f", page, "-l", page, "-r", _ocr.Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile", Path.GetFullPath(pdfPath), prefix],
                deadline, s => s.CopyTo(Stream.Null), 8 * 1024, cancellationToken);
            if (!render.Succeeded) return new PdfOcrResult(null, render.TimedOut ? "rendering the page took too long" : $"pdftoppm failed ({First(render.StandardError)})");
            var image = prefix + ".png";
            if (!File.Exists(image)) return new PdfOcrResult(null, "pdftoppm wrote no image");

            var tsv = new StringBuilder();
            var recognise = ProcessRunner.Run(Tesseract(), [image, "stdout", "-l", _ocr.Languages, "--dpi", _ocr.Dpi.ToString(CultureInfo.InvariantCulture), "tsv"], deadline, s =>
            {
                using var reader = new StreamReader(s, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
                tsv.Append(reader.ReadToEnd());
            }, 8 * 1024, cancellationToken);
            if (!recognise.Succeeded) return new PdfOcrResult(null, recognise.TimedOut ? "recognition took too long" : $"tesseract failed ({First(recognise.StandardError)})");
            return new PdfOcrResult(ParseTsv(tsv.ToString(), pageNumber, pageWidth, pageHeight, _ocr.Dpi), null);
        }
        finally
        {
            try { dir.Delete(recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// Tesseract's TSV (level, page, block, paragraph, line, word, left, top, width, height, conf,
    /// text) into runs of one word each, pixels turned into points. The font size of a word is the
    /// height of its line: a word's own box is shorter without ascenders or descenders.
    /// </summary>
    internal static PdfPageText ParseTsv(string tsv, int pageNumber, double pageWidth, double pageHeight, int dpi)
    {
        var scale = 72.0 / dpi;
        var words = new List<(string Line, double X, double Y, double W, double H, string Text)>();
        var lineHeights = new Dictionary<string, double>();
        foreach (var raw in tsv.Split('\n'))
        {
            var f = raw.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5") continue;
            var text = f[11].Trim();
            if (text.Length == 0 || !double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var conf) || conf < 0) continue;
            if (!int.TryParse(f[6], out var left) || !int.TryParse(f[7], out var top) || !int.TryParse(f[8], out var width) || !int.TryParse(f[9], out var height)) continue;
            var line = $"{f[2]}.{f[3]}.{f[4]}";
            words.Add((line, left * scale, top * scale, width * scale, height * scale, text));
        }
        var lineTops = new Dictionary<string, double>();
        foreach (var group in words.GroupBy(w => w.Line))
        {
            lineHeights[group.Key] = group.Max(w => w.H);
            lineTops[group.Key] = group.Min(w => w.Y);
        }
        var runs = new List<PdfTextRun>(words.Count);
        foreach (var w in words)
        {
            // All words of a line share its top and height, so the analyzer sees one line; the
            // line box (ascender to descender) is about 1.15 times the font size, kept to half points.
            var h = lineHeights[w.Line];
            var size = Math.Max(1, Math.Round(h / 1.15 * 2) / 2);
            runs.Add(new PdfTextRun(w.X, lineTops[w.Line], w.W, h, size, false, false, w.Text + " "));
        }
        return new PdfPageText(pageNumber, pageWidth, pageHeight, runs, hasImages: true, fromOcr: true);
    }

    private string Tesseract()
    {
        var file = OperatingSystem.IsWindows() ? "tesseract.exe" : "tesseract";
        return string.IsNullOrWhiteSpace(_ocr.TesseractDirectory) ? file : Path.Combine(_ocr.TesseractDirectory, file);
    }

    private string Poppler(string tool)
    {
        var file = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        return string.IsNullOrWhiteSpace(_pdf.PopplerDirectory) ? file : Path.Combine(_pdf.PopplerDirectory, file);
    }

    private static string First(string text) => text.Split('\n').FirstOrDefault()?.Trim() ?? "";

    [GeneratedRegex(@"tesseract\s+v?(\d+(?:\.\d+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPattern();
}

using System.Reflection;
using System.Text;
using PolicyLens.Readers.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace PolicyLens.PdfPig;

/// <summary>
/// <c>policylens-pdfpig FILE [--max-pages N]</c>: reads one PDF with PdfPig and writes its pages as
/// JSON lines (<see cref="PdfWorkerProtocol"/>) on stdout. <c>--version</c> prints PdfPig's version.
/// Started by <see cref="PdfPigWorkerSource"/> with a time and memory limit; a failure of the file
/// is an <c>error</c> line and exit code 3, anything worse ends the process, which is the point.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var version = typeof(PdfDocument).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
            ?? typeof(PdfDocument).Assembly.GetName().Version?.ToString(3) ?? "unknown";
        if (args is ["--version"])
        {
            Console.WriteLine(version);
            return 0;
        }
        if (args.Length is not (1 or 3) || args.Length == 3 && args[1] != "--max-pages" || !int.TryParse(args.Length == 3 ? args[2] : "2000", out var maxPages) || maxPages < 1)
        {
            Console.Error.WriteLine("usage: policylens-pdfpig FILE [--max-pages N] | --version");
            return 2;
        }
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        try
        {
            return Read(args[0], maxPages, "PdfPig " + version, stdout);
        }
        finally
        {
            stdout.Flush();
        }
    }

    // PdfPig catches an OutOfMemoryException inside its stream decoding and goes on with an empty
    // page; a first-chance handler still sees it, so a decompression bomb is reported, not "no text".
    private static volatile bool _outOfMemory;

    private static int Read(string path, int maxPages, string engine, StreamWriter stdout)
    {
        AppDomain.CurrentDomain.FirstChanceException += (_, e) => { if (e.Exception is OutOfMemoryException) _outOfMemory = true; };
        try
        {
            using var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var count = document.NumberOfPages;
            if (count <= 0) return Fail(stdout, PdfFailureKind.Damaged, "the document has no pages");
            if (count > 100_000) return Fail(stdout, PdfFailureKind.TooManyPages, $"the page tree claims {count:N0} pages");
            stdout.WriteLine(PdfWorkerProtocol.Info(count, document.IsEncrypted, document.Information.Producer, document.Information.Title, engine));
            for (var number = 1; number <= Math.Min(count, maxPages); number++)
            {
                var page = document.GetPage(number);
                var text = ToPage(page, number);
                if (_outOfMemory) return Fail(stdout, PdfFailureKind.OutOfMemory, $"page {number} needs more memory than the limit to decode (a decompression bomb?)");
                stdout.WriteLine(PdfWorkerProtocol.Page(text));
            }
            stdout.WriteLine(PdfWorkerProtocol.Done());
            return 0;
        }
        catch (PdfDocumentEncryptedException ex)
        {
            return Fail(stdout, PdfFailureKind.PasswordProtected, ex.Message);
        }
        catch (OutOfMemoryException)
        {
            // Under DOTNET_GCHeapHardLimit this is the decompression bomb, not the machine.
            return Fail(stdout, PdfFailureKind.OutOfMemory, "the memory limit was reached");
        }
        catch (Exception ex)
        {
            // Anything else PdfPig throws (broken fonts, odd operators) is this file's failure; only a
            // stack overflow cannot be caught, and then the caller sees the process die.
            return Fail(stdout, ex is PdfDocumentFormatException ? PdfFailureKind.Damaged : PdfFailureKind.EngineError, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static int Fail(StreamWriter stdout, PdfFailureKind kind, string detail)
    {
        stdout.WriteLine(PdfWorkerProtocol.Error(kind, detail.Length > 500 ? detail[..500] : detail));
        return PdfWorkerProtocol.FileFailed;
    }

    /// <summary>PdfPig's words as runs in points from the top-left corner, like poppler's.</summary>
    private static PdfPageText ToPage(Page page, int number)
    {
        var height = page.Height > 0 ? page.Height : 842;
        var width = page.Width > 0 ? page.Width : 595;
        var runs = new List<PdfTextRun>();
        foreach (var word in page.GetWords())
        {
            var text = word.Text;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var box = word.BoundingBox;
            var first = word.Letters[0];
            var size = word.Letters.Max(l => l.PointSize);
            if (!(size > 0)) size = Math.Max(1, box.Height);
            var font = first.FontName ?? "";
            var x = box.Left;
            // The line box from the baseline and the font size (ascent 0.8, descent 0.2), as poppler
            // reports it: glyph boxes vary per word ("–" is flat) and would break lines apart.
            var baseline = height - first.StartBaseLine.Y;
            var top = baseline - 0.8 * size;
            if (!double.IsFinite(x) || !double.IsFinite(top)) continue;
            runs.Add(new PdfTextRun(x, top, Math.Max(0, box.Width), size, size,
                font.Contains("Bold", StringComparison.OrdinalIgnoreCase), font.Contains("Italic", StringComparison.OrdinalIgnoreCase) || font.Contains("Oblique", StringComparison.OrdinalIgnoreCase), text));
        }
        var images = runs.Count == 0 && page.GetImages().Any();
        return new PdfPageText(number, width, height, runs, images);
    }
}

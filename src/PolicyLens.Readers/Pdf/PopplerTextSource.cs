using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace PolicyLens.Readers.Pdf;

/// <summary>
/// The default PDF engine: poppler-utils as separate processes. <c>pdfinfo</c> gives the page
/// count, encryption and metadata; <c>pdftohtml -xml</c> gives text runs with position, font size
/// and bold/italic, streamed through an <see cref="XmlReader"/> so memory stays bounded; for pages
/// without text, <c>pdfimages -list</c> tells a scanned page from a blank one.
/// </summary>
public sealed partial class PopplerTextSource : IPdfTextSource
{
    /// <summary>Shown whenever a poppler tool cannot be started.</summary>
    public const string InstallHint =
        "PDF support needs poppler-utils (pdftohtml, pdfinfo). Install it with: apt-get install poppler-utils " +
        "(macOS: brew install poppler; Windows: download the poppler binaries, e.g. the conda-forge 'poppler' package, " +
        "and add its Library\\bin folder to PATH or set PdfReaderOptions.PopplerDirectory).";

    // Zoom 2 doubles pdftohtml's integer font sizes' resolution (11.5 pt stays distinct from 11 pt);
    // all coordinates are divided by it again so the analyzer works in PDF points.
    private const double Zoom = 2.0;
    private const int MaxInfoChars = 64 * 1024;

    private readonly PdfReaderOptions _options;

    public PopplerTextSource(PdfReaderOptions? options = null) => _options = options ?? PdfReaderOptions.Default;

    /// <summary>Convenience for <c>policylens doctor</c> and the status page.</summary>
    public static PdfEngineStatus Probe(PdfReaderOptions? options = null) => new PopplerTextSource(options).GetStatus();

    public PdfEngineStatus GetStatus()
    {
        string? version = null;
        foreach (var tool in new[] { "pdftohtml", "pdfinfo" })
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            var (outcome, output) = ProcessRunner.RunToString(Executable(tool), ["-v"], deadline, MaxInfoChars, _options.MaxErrorOutputChars, CancellationToken.None);
            if (!outcome.Started || outcome.TimedOut)
                return new PdfEngineStatus(false, "poppler", null, $"{tool} could not be run ({outcome.StandardError}). {InstallHint}");
            // Poppler prints its banner on stderr.
            var match = VersionPattern().Match(output + "\n" + outcome.StandardError);
            if (match.Success) version ??= match.Groups[1].Value;
        }
        return new PdfEngineStatus(true, "poppler", version, $"PDF support is available (poppler {version ?? "of unknown version"}: pdftohtml, pdfinfo).");
    }

    public PdfTextResult Extract(string path, int maxPages, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        // A full path never starts with '-', so poppler cannot mistake it for an option.
        path = Path.GetFullPath(path);
        var deadline = DateTime.UtcNow + _options.TimeLimit;

        var (infoOutcome, infoText) = ProcessRunner.RunToString(Executable("pdfinfo"), ["-enc", "UTF-8", path], deadline,
            MaxInfoChars, _options.MaxErrorOutputChars, cancellationToken);
        if (Classify(infoOutcome) is { } infoFailure) return infoFailure;
        var info = ParseInfo(infoText);
        if (info.PageCount == 0) return PdfTextResult.Failed(PdfFailureKind.Damaged, "pdfinfo reports no pages.");
        if (info.PageCount > MaxClaimedPages) return PdfTextResult.Failed(PdfFailureKind.TooManyPages, $"pdfinfo reports {info.PageCount:N0} pages.");

        var lastPage = Math.Min(info.PageCount, maxPages);
        var chunks = Chunks(lastPage, lastPage < MinPagesToSplit ? 1 : _options.MaxParallelProcesses);
        var results = new (List<PdfPageText> Pages, ProcessOutcome? Outcome, string? Fault)[chunks.Count];
        Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = chunks.Count, CancellationToken = cancellationToken }, i =>
            results[i] = RunPdftohtml(path, chunks[i].First, chunks[i].Last, deadline, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();

        foreach (var (chunkPages, outcome, fault) in results)
        {
            if (fault is not null) return PdfTextResult.Failed(PdfFailureKind.EngineError, fault);
            if (outcome!.TimedOut || !outcome.Started || chunkPages.Count == 0)
                if (Classify(outcome) is { } htmlFailure) return htmlFailure;
        }
        var pages = results.SelectMany(r => r.Pages).ToList();
        if (pages.Count == 0) return PdfTextResult.Failed(PdfFailureKind.Damaged, "pdftohtml produced no pages.");

        var textless = pages.Where(p => !p.HasText).Select(p => p.Number).ToList();
        if (textless.Count > 0)
        {
            var withImages = PagesWithImages(path, textless[0], textless[^1], deadline, cancellationToken);
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                if (!page.HasText && (withImages is null || withImages.Contains(page.Number)))
                    pages[i] = new PdfPageText(page.Number, page.Width, page.Height, page.Runs, hasImages: true);
            }
        }
        return PdfTextResult.Success(info, pages);
    }

    private const int MinPagesToSplit = 40;

    /// <summary>A page tree claiming more pages than this is not a plan (hostile files claim millions).</summary>
    internal const int MaxClaimedPages = 100_000;

    private static List<(int First, int Last)> Chunks(int pages, int parts)
    {
        var result = new List<(int, int)>();
        var size = (pages + parts - 1) / parts;
        for (var first = 1; first <= pages; first += size) result.Add((first, Math.Min(pages, first + size - 1)));
        return result;
    }

    private (List<PdfPageText> Pages, ProcessOutcome? Outcome, string? Fault) RunPdftohtml(string path, int first, int last, DateTime deadline, CancellationToken cancellationToken)
    {
        var args = new List<string> { "-xml", "-i", "-nodrm", "-stdout", "-zoom", "2", "-noroundcoord", "-enc", "UTF-8",
            "-f", first.ToString(CultureInfo.InvariantCulture), "-l", last.ToString(CultureInfo.InvariantCulture) };
        if (_options.ReadHiddenText) args.Add("-hidden");
        args.Add(path);
        var pages = new List<PdfPageText>(last - first + 1);
        try
        {
            var outcome = ProcessRunner.Run(Executable("pdftohtml"), args, deadline, stream => ReadXml(stream, pages), _options.MaxErrorOutputChars, cancellationToken);
            return (pages, outcome, null);
        }
        catch (XmlException ex)
        {
            return (pages, null, $"pdftohtml wrote XML that cannot be read: {ex.Message}");
        }
        catch (IOException ex)
        {
            return (pages, null, ex.Message);
        }
    }

    /// <summary>Page numbers that draw images, or null when pdfimages is not usable (then every textless page counts as scanned).</summary>
    private HashSet<int>? PagesWithImages(string path, int first, int last, DateTime deadline, CancellationToken cancellationToken)
    {
        var (outcome, output) = ProcessRunner.RunToString(Executable("pdfimages"),
            ["-list", "-f", first.ToString(CultureInfo.InvariantCulture), "-l", last.ToString(CultureInfo.InvariantCulture), path],
            deadline, 4 * 1024 * 1024, _options.MaxErrorOutputChars, cancellationToken);
        if (!outcome.Succeeded) return null;
        var pages = new HashSet<int>();
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && parts[2] is "image" or "smask" or "stencil")
                pages.Add(page);
        }
        return pages;
    }

    private static PdfTextResult? Classify(ProcessOutcome outcome)
    {
        if (!outcome.Started) return PdfTextResult.Failed(PdfFailureKind.EngineMissing, outcome.StandardError);
        if (outcome.TimedOut) return PdfTextResult.Failed(PdfFailureKind.TimedOut, outcome.StandardError);
        if (outcome.ExitCode == 0) return null;
        var err = outcome.StandardError;
        if (err.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase))
            return PdfTextResult.Failed(PdfFailureKind.PasswordProtected, err);
        if (err.Contains("May not be a PDF", StringComparison.OrdinalIgnoreCase))
            return PdfTextResult.Failed(PdfFailureKind.NotAPdf, err);
        if (err.Contains("xref", StringComparison.OrdinalIgnoreCase) || err.Contains("trailer", StringComparison.OrdinalIgnoreCase)
            || err.Contains("stream is empty", StringComparison.OrdinalIgnoreCase) || err.Contains("Syntax Error", StringComparison.OrdinalIgnoreCase))
            return PdfTextResult.Failed(PdfFailureKind.Damaged, err);
        return PdfTextResult.Failed(PdfFailureKind.EngineError, string.IsNullOrWhiteSpace(err) ? $"exit code {outcome.ExitCode}" : err);
    }

    internal static PdfDocumentInfo ParseInfo(string text)
    {
        int pages = 0;
        bool encrypted = false;
        string? producer = null, title = null;
        foreach (var raw in text.Split('\n'))
        {
            var colon = raw.IndexOf(':');
            if (colon <= 0) continue;
            var key = raw[..colon].Trim();
            var value = raw[(colon + 1)..].Trim();
            switch (key)
            {
                case "Pages": int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out pages); break;
                case "Encrypted": encrypted = value.StartsWith("yes", StringComparison.OrdinalIgnoreCase); break;
                case "Producer": producer = value; break;
                case "Title": title = value; break;
            }
        }
        return new PdfDocumentInfo(pages, encrypted, producer, UsefulTitle(title));
    }

    /// <summary>Word and InDesign often store the file name as title ("Microsoft Word - plan.docx"); that is no title.</summary>
    private static string? UsefulTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        title = title.Trim();
        if (title.StartsWith("Microsoft Word - ", StringComparison.OrdinalIgnoreCase)) return null;
        var extension = Path.GetExtension(title).ToLowerInvariant();
        return extension is ".doc" or ".docx" or ".odt" or ".indd" or ".pdf" or ".rtf" ? null : title;
    }

    /// <summary>Streams pdftohtml's XML into pages; only one page's runs are being built at a time.</summary>
    internal static void ReadXml(Stream stream, List<PdfPageText> pages)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var reader = XmlReader.Create(stream, settings);
        var fontSizes = new Dictionary<string, double>(StringComparer.Ordinal);
        List<PdfTextRun>? runs = null;
        int number = 0;
        double width = 0, height = 0;
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "page":
                        number = (int)Number(reader, "number", pages.Count + 1);
                        width = Number(reader, "width", 0) / Zoom;
                        height = Number(reader, "height", 0) / Zoom;
                        runs = [];
                        if (reader.IsEmptyElement) Finish();
                        break;
                    case "fontspec":
                        if (reader.GetAttribute("id") is { } id) fontSizes[id] = Number(reader, "size", 0) / Zoom;
                        break;
                    case "text" when runs is not null:
                        var run = ReadRun(reader, fontSizes, text);
                        if (run is not null) runs.Add(run);
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "page")
            {
                Finish();
            }
        }

        void Finish()
        {
            if (runs is null) return;
            if (width > 0 && height > 0 && number > 0) pages.Add(new PdfPageText(number, width, height, runs));
            runs = null;
        }
    }

    private static PdfTextRun? ReadRun(XmlReader reader, Dictionary<string, double> fontSizes, StringBuilder text)
    {
        var x = Number(reader, "left", 0) / Zoom;
        var y = Number(reader, "top", 0) / Zoom;
        var w = Math.Max(0, Number(reader, "width", 0) / Zoom);
        var h = Math.Max(0, Number(reader, "height", 0) / Zoom);
        var size = reader.GetAttribute("font") is { } font && fontSizes.TryGetValue(font, out var s) && s > 0 ? s : Math.Max(1, h);
        if (reader.IsEmptyElement) return null;

        text.Clear();
        int depth = reader.Depth, boldDepth = 0, italicDepth = 0, boldChars = 0, italicChars = 0, letters = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when !reader.IsEmptyElement:
                    if (reader.LocalName == "b") boldDepth++;
                    else if (reader.LocalName == "i") italicDepth++;
                    break;
                case XmlNodeType.EndElement:
                    if (reader.Depth == depth) goto done;
                    if (reader.LocalName == "b") boldDepth--;
                    else if (reader.LocalName == "i") italicDepth--;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    var value = reader.Value;
                    text.Append(value);
                    var counted = 0;
                    foreach (var c in value) if (!char.IsWhiteSpace(c)) counted++;
                    letters += counted;
                    if (boldDepth > 0) boldChars += counted;
                    if (italicDepth > 0) italicChars += counted;
                    break;
            }
        }
    done:
        if (letters == 0) return null;
        // A run counts as bold when nearly all of it is: a bold word inside a sentence is not a heading.
        return new PdfTextRun(x, y, w, h, size, boldChars >= letters * 0.9, italicChars >= letters * 0.9, text.ToString());
    }

    private static double Number(XmlReader reader, string name, double fallback) =>
        double.TryParse(reader.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : fallback;

    private string Executable(string tool)
    {
        var file = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        return string.IsNullOrWhiteSpace(_options.PopplerDirectory) ? file : Path.Combine(_options.PopplerDirectory, file);
    }

    [GeneratedRegex(@"version\s+(\d+(?:\.\d+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPattern();
}

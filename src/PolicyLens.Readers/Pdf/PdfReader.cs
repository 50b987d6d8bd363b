using PolicyLens.Documents;

namespace PolicyLens.Readers.Pdf;

/// <summary>
/// Reads PDF files into blocks: an engine (<see cref="IPdfTextSource"/>: poppler first, then the
/// embedded PdfPig worker when poppler is missing or fails) gives positioned text, pages whose text
/// layer is missing or symbol soup are recognised by OCR when it is on (else reported per page),
/// and <see cref="PdfLayoutAnalyzer"/> gives the structure. Every failure (no engine, not a PDF,
/// password, damage, time-out, crash, no usable text) becomes a failed <see cref="ReaderOutput"/>
/// whose message names the file, the problem and what to do.
/// </summary>
public sealed class PdfReader : IDocumentReader
{
    /// <summary>Documents with fewer readable pages than this share of their non-blank pages fail instead of becoming a plan of fragments.</summary>
    public const double MinReadableShare = 0.5;

    private readonly PdfReaderOptions _options;
    private readonly IReadOnlyList<IPdfTextSource> _sources;
    private readonly IPdfOcrEngine? _ocr;
    private readonly PdfLayoutAnalyzer _analyzer = new();

    /// <param name="textSource">One engine to use instead of the defaults (poppler, then the PdfPig worker).</param>
    /// <param name="ocr">The OCR engine; default tesseract when <see cref="PdfReaderOptions.Ocr"/> is enabled.</param>
    public PdfReader(PdfReaderOptions? options = null, IPdfTextSource? textSource = null, IPdfOcrEngine? ocr = null)
    {
        _options = options ?? PdfReaderOptions.Default;
        _sources = textSource is not null ? [textSource]
            : _options.UseEmbeddedEngine ? [new PopplerTextSource(_options), new PdfPigWorkerSource(_options)]
            : [new PopplerTextSource(_options)];
        _ocr = ocr ?? (_options.Ocr.Enabled ? new TesseractOcr(_options.Ocr, _options) : null);
    }

    public IReadOnlyCollection<PolicyLens.Documents.DocumentFormat> Formats { get; } = [PolicyLens.Documents.DocumentFormat.Pdf];

    /// <summary>Whether PDF support works here: the first available engine, else the first one's reason.</summary>
    public PdfEngineStatus EngineStatus()
    {
        var all = EngineStatuses();
        return all.FirstOrDefault(s => s.IsAvailable) ?? all[0];
    }

    /// <summary>Every engine in the order they are tried, then OCR (for <c>policylens doctor</c> and the status page).</summary>
    public IReadOnlyList<PdfEngineStatus> EngineStatuses()
    {
        var list = _sources.Select(s => s.GetStatus()).ToList();
        list.Add((_ocr ?? new TesseractOcr(_options.Ocr, _options)).GetStatus());
        return list;
    }

    public ReaderOutput Read(DocumentSource source, PolicyLens.Documents.DocumentFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (format != PolicyLens.Documents.DocumentFormat.Pdf) throw new ArgumentException($"The PDF reader cannot read {format}.", nameof(format));
        var name = source.FileName;

        var preflight = Preflight(source, out var looksTruncated);
        if (preflight is not null) return ReaderOutput.Failed(preflight);

        var result = Extract(source.Path, cancellationToken, out var failures);
        if (!result.Succeeded) return ReaderOutput.Failed(Failure(name, failures, looksTruncated));

        var info = result.Info!;
        var issues = new List<IngestionIssue>();
        foreach (var (engine, failed) in failures)
            issues.Add(IngestionIssue.Warning(IssueCode.PdfEngineFallback, $"{name}: {engine} could not read the file ({Describe(failed)}); {result.Engine} read it instead.")
                .With("failed", engine).With("engine", result.Engine));

        // Pages whose text is symbol soup lose it here, so garbage never reaches a passage.
        var pages = result.Pages.ToList();
        var soup = new List<int>();
        for (var i = 0; i < pages.Count; i++)
            if (pages[i].HasText && PdfTextQuality.IsSymbolSoup(pages[i]))
            {
                soup.Add(pages[i].Number);
                pages[i] = pages[i].WithoutText();
            }
        var scanned = pages.Where(p => !p.HasText && p.HasImages && !soup.Contains(p.Number)).Select(p => p.Number).ToList();
        var recognised = RunOcr(source.Path, pages, soup.Concat(scanned).Order().ToList(), name, issues, cancellationToken);

        var stillSoup = soup.Where(n => !recognised.Contains(n)).ToList();
        var stillScanned = scanned.Where(n => !recognised.Contains(n)).ToList();
        var ocrHint = _ocr is null ? "OCR is not enabled" : "OCR did not recognise it";
        var contentPages = pages.Count(p => p.HasText || p.HasImages || soup.Contains(p.Number));
        var readable = pages.Count(p => p.HasText);
        if (readable == 0 || contentPages > 0 && readable < contentPages * MinReadableShare)
            return ReaderOutput.Failed(Unreadable(name, info.PageCount, pages.Count, stillSoup, stillScanned, readable));
        foreach (var page in stillSoup)
            issues.Add(IngestionIssue.Warning(IssueCode.PageSymbolSoup, $"{name}: page {page} has a text layer that is not language (fonts without a Unicode map give symbols instead of letters); {ocrHint}, so its content is skipped.", page));
        foreach (var page in stillScanned)
            issues.Add(IngestionIssue.Warning(_ocr is null ? IssueCode.PageWithoutTextLayer : IssueCode.PageNotRecognised, $"{name}: page {page} has no text layer; {ocrHint}, so its content is skipped.", page));
        if (info.PageCount > pages.Count)
            issues.Add(IngestionIssue.Warning(IssueCode.PageLimit, $"{name}: only the first {pages.Count} of {info.PageCount} pages were read (limit PdfReaderOptions.MaxPages = {_options.MaxPages}).")
                .With("read", pages.Count).With("pages", info.PageCount).With("limit", _options.MaxPages));
        if (looksTruncated)
            issues.Add(IngestionIssue.Warning(IssueCode.PdfTruncated, $"{name} seems truncated (it does not end with %%EOF); {result.Engine} recovered what it could, but text may be missing. Upload the complete file if you have it."));

        var layout = _analyzer.Analyze(pages);
        if (layout.Blocks.Count == 0)
            return ReaderOutput.Failed(IssueCode.OnlyRunningText, $"{name} has text, but only page headers, footers and page numbers; there is nothing to analyse.");
        if (layout.TableOfContentsPages.Count > 0)
            issues.Add(IngestionIssue.Warning(IssueCode.TableOfContentsSkipped, $"{name}: {PageList(layout.TableOfContentsPages)} hold a table of contents; its {layout.TableOfContentsLines} lines are left out of the passages, so chapter titles are not analysed twice.", layout.TableOfContentsPages[0])
                .With("pagelist", DutchPageList(layout.TableOfContentsPages)).With("lines", layout.TableOfContentsLines));
        var engineName = recognised.Count > 0 ? $"{result.Engine} + tesseract OCR ({PageList(recognised)})" : result.Engine;
        return new ReaderOutput(layout.Blocks, issues, info.Title, info.PageCount, engineName);
    }

    /// <summary>Tries the engines in order; a missing engine or one that fails on the file hands over to the next.</summary>
    private PdfTextResult Extract(string path, CancellationToken cancellationToken, out List<(string Engine, PdfTextResult Result)> failures)
    {
        failures = [];
        PdfTextResult? last = null;
        foreach (var source in _sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = source.Extract(path, _options.MaxPages, cancellationToken);
            if (result.Succeeded)
            {
                // An engine that is simply not installed is no news once another one read the file.
                failures.RemoveAll(f => f.Result.Failure == PdfFailureKind.EngineMissing);
                return result;
            }
            failures.Add((result.Engine, result));
            last = result;
            // A password or a time-out stops every engine alike; do not spend the time twice.
            if (result.Failure is PdfFailureKind.PasswordProtected or PdfFailureKind.TimedOut or PdfFailureKind.TooManyPages) break;
        }
        return last!;
    }

    /// <summary>Recognises the given pages when OCR is on; returns the page numbers it replaced.</summary>
    private List<int> RunOcr(string path, List<PdfPageText> pages, List<int> wanted, string name, List<IngestionIssue> issues, CancellationToken cancellationToken)
    {
        var done = new List<int>();
        if (_ocr is null || wanted.Count == 0) return done;
        foreach (var number in wanted.Take(_options.Ocr.MaxPages))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = pages.FindIndex(p => p.Number == number);
            var page = pages[index];
            var result = _ocr.Recognize(path, number, page.Width, page.Height, cancellationToken);
            if (result.Page is { HasText: true } recognised)
            {
                pages[index] = recognised;
                done.Add(number);
            }
            else if (result.Failure is not null)
            {
                issues.Add(IngestionIssue.Warning(IssueCode.OcrFailed, $"{name}: OCR of page {number} failed ({result.Failure}).", number));
            }
        }
        if (wanted.Count > _options.Ocr.MaxPages)
            issues.Add(IngestionIssue.Warning(IssueCode.OcrPageLimit, $"{name}: OCR stopped after {_options.Ocr.MaxPages} pages (PolicyLens:Ocr:MaxPages); {wanted.Count - _options.Ocr.MaxPages} more pages have no usable text.")
                .With("limit", _options.Ocr.MaxPages).With("more", wanted.Count - _options.Ocr.MaxPages));
        if (done.Count > 0)
            issues.Add(IngestionIssue.Warning(IssueCode.OcrUsed, $"{name}: the text of {PageList(done)} was recognised by OCR; recognition errors are possible and its passages are marked as OCR.", done[0])
                .With("pagelist", DutchPageList(done)));
        return done;
    }

    private IngestionIssue Unreadable(string name, int pageCount, int read, List<int> soup, List<int> scanned, int readable)
    {
        var ocr = _ocr is null
            ? "Enable OCR (PolicyLens:Ocr:Enabled = true, with tesseract-ocr and tesseract-ocr-nld installed) to have PolicyLens recognise the pages, or ask for a PDF exported from the word processor."
            : "OCR could not recognise them either; ask for a PDF exported from the word processor, or a better scan.";
        if (soup.Count == 0 && scanned.Count == 0)
            return IngestionIssue.Error(IssueCode.NoText, $"{name} contains no text on any of its {pageCount} pages. Check that the right file was uploaded.");
        if (soup.Count == 0 && scanned.Count == read)
            return IngestionIssue.Error(IssueCode.Scanned, $"{name} has no text layer on any of its {pageCount} pages (it looks scanned); {(_ocr is null ? "OCR is not enabled" : "OCR found no text")}. {ocr}")
                .With("pages", pageCount);
        var what = soup.Count == 0
            ? $"{name} has no text layer on {PageList(scanned)} of its {pageCount} pages (it looks scanned)"
            : $"{name} has no usable text: {PageList(soup)} of its {pageCount} pages carry a text layer that is not language (its fonts have no Unicode map, so the text reads as symbols)"
              + (scanned.Count > 0 ? $", and {PageList(scanned)} have no text layer at all" : "");
        return IngestionIssue.Error(IssueCode.TooLittleText, $"{what}; only {readable} {(readable == 1 ? "page is" : "pages are")} readable, too few to analyse the plan. {ocr}")
            .With("readable", readable).With("pages", pageCount);
    }

    /// <summary>Cheap checks before starting a process: empty file, not a PDF at all, missing end marker.</summary>
    private static IngestionIssue? Preflight(DocumentSource source, out bool looksTruncated)
    {
        looksTruncated = false;
        var name = source.FileName;
        FileInfo file = new(source.Path);
        if (!file.Exists) return IngestionIssue.Error(IssueCode.FileNotFound, $"{name} does not exist (looked at {source.Path}).");
        if (file.Length == 0) return IngestionIssue.Error(IssueCode.EmptyFile, $"{name} is empty (0 bytes). Upload the file again.");
        try
        {
            using var stream = source.OpenRead();
            var head = new byte[1024];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (head.AsSpan(0, read).IndexOf("%PDF-"u8) < 0)
                return IngestionIssue.Error(IssueCode.NotAPdf, $"{name} is not a PDF file (it does not start with %PDF-), although its name says so. Check that the right file was uploaded, or save it again as PDF.");
            var tail = new byte[Math.Min(2048, file.Length)];
            stream.Seek(-tail.Length, SeekOrigin.End);
            read = stream.ReadAtLeast(tail, tail.Length, throwOnEndOfStream: false);
            looksTruncated = tail.AsSpan(0, read).IndexOf("%%EOF"u8) < 0;
        }
        catch (IOException ex)
        {
            return IngestionIssue.Error(IssueCode.ReadFailed, $"{name} cannot be opened: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return IngestionIssue.Error(IssueCode.PermissionDenied, $"{name} cannot be opened: {ex.Message}");
        }
        return null;
    }

    private IngestionIssue Failure(string name, List<(string Engine, PdfTextResult Result)> failures, bool looksTruncated)
    {
        var failure = failures.FirstOrDefault(f => f.Result.Failure != PdfFailureKind.EngineMissing).Result?.Failure ?? PdfFailureKind.EngineMissing;
        var code = failure switch
        {
            PdfFailureKind.EngineMissing => IssueCode.PdfEngineMissing,
            PdfFailureKind.PasswordProtected => IssueCode.PasswordProtected,
            PdfFailureKind.TimedOut => IssueCode.TimedOut,
            PdfFailureKind.Damaged => IssueCode.Damaged,
            PdfFailureKind.NotAPdf => IssueCode.NotAPdf,
            PdfFailureKind.OutOfMemory => IssueCode.PdfOutOfMemory,
            PdfFailureKind.Crashed => IssueCode.PdfEngineCrashed,
            PdfFailureKind.TooManyPages => IssueCode.TooManyPages,
            _ => IssueCode.PdfEngineFailed,
        };
        return IngestionIssue.Error(code, FailureMessage(name, failures, looksTruncated))
            .With("seconds", (long)_options.TimeLimit.TotalSeconds).With("limit", _options.WorkerMemoryLimitMegabytes);
    }

    private string FailureMessage(string name, List<(string Engine, PdfTextResult Result)> failures, bool looksTruncated)
    {
        // Say what the engine that got furthest found: a missing engine is the least specific reason.
        var (engine, result) = failures.FirstOrDefault(f => f.Result.Failure != PdfFailureKind.EngineMissing);
        if (result is null) return $"{name} cannot be read: {PopplerTextSource.InstallHint}";
        var detail = result.Detail;
        var engineSays = string.IsNullOrWhiteSpace(detail) ? "" : $" ({engine}: {FirstLine(detail)})";
        var message = result.Failure!.Value switch
        {
            PdfFailureKind.PasswordProtected => $"{name} is password-protected: it cannot be opened without its password. Ask the author for a copy without an open password (a copy-protection password alone is fine).",
            PdfFailureKind.TimedOut => $"{name} could not be read within {_options.TimeLimit.TotalSeconds:0} seconds; {engine} was stopped. The file may be damaged or extremely complex; raise PdfReaderOptions.TimeLimit or export the plan again.",
            PdfFailureKind.Damaged when looksTruncated => $"{name} is truncated or damaged: the end of the file is missing and {engine} cannot rebuild it{engineSays}. Upload the complete file again.",
            PdfFailureKind.Damaged => $"{name} is damaged: {engine} cannot read its structure{engineSays}. Export or download the PDF again.",
            PdfFailureKind.NotAPdf => $"{name} is not a valid PDF{engineSays}. Check that the right file was uploaded.",
            PdfFailureKind.OutOfMemory => $"{name} needs more memory than the limit of {_options.WorkerMemoryLimitMegabytes} MB to read ({engine} was stopped); it may be a decompression bomb or a damaged file. Export the plan again, or raise PdfReaderOptions.WorkerMemoryLimitMegabytes if the file is genuine.",
            PdfFailureKind.Crashed => $"{name} made the PDF engine crash ({engine}{(string.IsNullOrWhiteSpace(detail) ? "" : ": " + FirstLine(detail))}); the file is probably damaged or built to attack readers (extreme nesting, broken fonts). Export or download the PDF again.",
            PdfFailureKind.TooManyPages => $"{name} claims more pages than PolicyLens reads{engineSays}; no plan has that many. Check the file, or split it.",
            _ => $"{name} could not be read by {engine}{engineSays}.",
        };
        var others = failures.Where(f => f.Engine != engine && f.Result.Failure != PdfFailureKind.EngineMissing).Select(f => $"{f.Engine}: {Describe(f.Result)}").ToList();
        return others.Count == 0 ? message : $"{message} ({string.Join("; ", others)}.)";
    }

    private static string Describe(PdfTextResult result) => result.Failure switch
    {
        PdfFailureKind.EngineMissing => "not installed",
        PdfFailureKind.TimedOut => "stopped at its time limit",
        PdfFailureKind.OutOfMemory => "ran out of its memory limit",
        PdfFailureKind.Crashed => "crashed",
        PdfFailureKind.PasswordProtected => "password-protected",
        _ => string.IsNullOrWhiteSpace(result.Detail) ? result.Failure.ToString()!.ToLowerInvariant() : FirstLine(result.Detail),
    };

    /// <summary>"page 4", "pages 3-5", "pages 2, 7 and 9-11".</summary>
    internal static string PageList(IReadOnlyList<int> pages)
    {
        var ranges = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var first = pages[i];
            while (i + 1 < pages.Count && pages[i + 1] == pages[i] + 1) i++;
            ranges.Add(first == pages[i] ? $"{first}" : $"{first}-{pages[i]}");
        }
        var list = ranges.Count == 1 ? ranges[0] : string.Join(", ", ranges[..^1]) + " and " + ranges[^1];
        return (pages.Count == 1 ? "page " : "pages ") + list;
    }

    /// <summary>The Dutch of <see cref="PageList"/> for the message catalogue: "pagina 4", "pagina's 2, 7 en 9-11".</summary>
    internal static string DutchPageList(IReadOnlyList<int> pages)
    {
        var english = PageList(pages);
        var list = english[(english.IndexOf(' ') + 1)..];
        var last = list.LastIndexOf(" and ", StringComparison.Ordinal);
        if (last >= 0) list = list[..last] + " en " + list[(last + 5)..];
        return (pages.Count == 1 ? "pagina " : "pagina's ") + list;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? text;
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}

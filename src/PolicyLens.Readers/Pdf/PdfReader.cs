using PolicyLens.Documents;

namespace PolicyLens.Readers.Pdf;

/// <summary>
/// Reads PDF files into blocks: the engine (<see cref="IPdfTextSource"/>, poppler by default)
/// gives positioned text, <see cref="PdfLayoutAnalyzer"/> gives the structure. Every failure
/// (no poppler, not a PDF, password, damage, time-out, scanned without text) becomes a failed
/// <see cref="ReaderOutput"/> whose message names the file, the problem and what to do.
/// </summary>
public sealed class PdfReader : IDocumentReader
{
    private readonly PdfReaderOptions _options;
    private readonly IPdfTextSource _source;
    private readonly PdfLayoutAnalyzer _analyzer = new();

    public PdfReader(PdfReaderOptions? options = null, IPdfTextSource? textSource = null)
    {
        _options = options ?? PdfReaderOptions.Default;
        _source = textSource ?? new PopplerTextSource(_options);
    }

    public IReadOnlyCollection<PolicyLens.Documents.DocumentFormat> Formats { get; } = [PolicyLens.Documents.DocumentFormat.Pdf];

    /// <summary>Whether PDF support works here (for <c>policylens doctor</c> and the status page).</summary>
    public PdfEngineStatus EngineStatus() => _source.GetStatus();

    public ReaderOutput Read(DocumentSource source, PolicyLens.Documents.DocumentFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (format != PolicyLens.Documents.DocumentFormat.Pdf) throw new ArgumentException($"The PDF reader cannot read {format}.", nameof(format));
        var name = source.FileName;

        var preflight = Preflight(source, out var looksTruncated);
        if (preflight is not null) return ReaderOutput.Failed(preflight);

        var result = _source.Extract(source.Path, _options.MaxPages, cancellationToken);
        if (!result.Succeeded) return ReaderOutput.Failed(FailureMessage(name, result.Failure!.Value, result.Detail, looksTruncated));

        var info = result.Info!;
        var pages = result.Pages;
        var issues = new List<IngestionIssue>();
        if (!pages.Any(p => p.HasText))
        {
            var scanned = pages.Any(p => p.HasImages);
            return ReaderOutput.Failed(scanned
                ? $"{name} has no text layer on any of its {info.PageCount} pages (it looks scanned); OCR is not enabled. Ask for a PDF exported from the word processor, or run OCR on it first."
                : $"{name} contains no text on any of its {info.PageCount} pages. Check that the right file was uploaded.");
        }
        foreach (var page in pages.Where(p => !p.HasText && p.HasImages))
            issues.Add(IngestionIssue.Warning($"{name}: page {page.Number} has no text layer; OCR is not enabled, so its content is skipped.", page.Number));
        if (info.PageCount > pages.Count)
            issues.Add(IngestionIssue.Warning($"{name}: only the first {pages.Count} of {info.PageCount} pages were read (limit PdfReaderOptions.MaxPages = {_options.MaxPages})."));
        if (looksTruncated)
            issues.Add(IngestionIssue.Warning($"{name} seems truncated (it does not end with %%EOF); poppler recovered what it could, but text may be missing. Upload the complete file if you have it."));

        var layout = _analyzer.Analyze(pages);
        if (layout.Blocks.Count == 0)
            return ReaderOutput.Failed($"{name} has text, but only page headers, footers and page numbers; there is nothing to analyse.");
        if (layout.TableOfContentsPages.Count > 0)
            issues.Add(IngestionIssue.Warning($"{name}: {PageList(layout.TableOfContentsPages)} hold a table of contents; its {layout.TableOfContentsLines} lines are left out of the passages, so chapter titles are not analysed twice.", layout.TableOfContentsPages[0]));
        return new ReaderOutput(layout.Blocks, issues, info.Title, info.PageCount);
    }

    /// <summary>Cheap checks before starting a process: empty file, not a PDF at all, missing end marker.</summary>
    private static string? Preflight(DocumentSource source, out bool looksTruncated)
    {
        looksTruncated = false;
        var name = source.FileName;
        FileInfo file = new(source.Path);
        if (!file.Exists) return $"{name} does not exist (looked at {source.Path}).";
        if (file.Length == 0) return $"{name} is empty (0 bytes). Upload the file again.";
        try
        {
            using var stream = source.OpenRead();
            var head = new byte[1024];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (head.AsSpan(0, read).IndexOf("%PDF-"u8) < 0)
                return $"{name} is not a PDF file (it does not start with %PDF-), although its name says so. Check that the right file was uploaded, or save it again as PDF.";
            var tail = new byte[Math.Min(2048, file.Length)];
            stream.Seek(-tail.Length, SeekOrigin.End);
            read = stream.ReadAtLeast(tail, tail.Length, throwOnEndOfStream: false);
            looksTruncated = tail.AsSpan(0, read).IndexOf("%%EOF"u8) < 0;
        }
        catch (IOException ex)
        {
            return $"{name} cannot be opened: {ex.Message}";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"{name} cannot be opened: {ex.Message}";
        }
        return null;
    }

    private string FailureMessage(string name, PdfFailureKind failure, string? detail, bool looksTruncated)
    {
        var engineSays = string.IsNullOrWhiteSpace(detail) ? "" : $" (poppler: {FirstLine(detail)})";
        return failure switch
        {
            PdfFailureKind.EngineMissing => $"{name} cannot be read: {PopplerTextSource.InstallHint}",
            PdfFailureKind.PasswordProtected => $"{name} is password-protected: it cannot be opened without its password. Ask the author for a copy without an open password (a copy-protection password alone is fine).",
            PdfFailureKind.TimedOut => $"{name} could not be read within {_options.TimeLimit.TotalSeconds:0} seconds; poppler was stopped. The file may be damaged or extremely complex; raise PdfReaderOptions.TimeLimit or export the plan again.",
            PdfFailureKind.Damaged when looksTruncated => $"{name} is truncated or damaged: the end of the file is missing and poppler cannot rebuild it{engineSays}. Upload the complete file again.",
            PdfFailureKind.Damaged => $"{name} is damaged: poppler cannot read its structure{engineSays}. Export or download the PDF again.",
            PdfFailureKind.NotAPdf => $"{name} is not a valid PDF{engineSays}. Check that the right file was uploaded.",
            _ => $"{name} could not be read by poppler{engineSays}.",
        };
    }

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

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? text;
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}

namespace PolicyLens.Readers.Pdf;

/// <summary>
/// One run of text on a page as the engine positions it, in PDF points from the top-left corner.
/// <see cref="Y"/> is the top of the run. A run never spans lines; it may hold several words.
/// </summary>
public sealed record PdfTextRun
{
    public PdfTextRun(double x, double y, double width, double height, double fontSize, bool bold, bool italic, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!double.IsFinite(x) || !double.IsFinite(y)) throw new ArgumentOutOfRangeException(nameof(x), "Positions must be finite numbers.");
        if (!(width >= 0) || !(height >= 0)) throw new ArgumentOutOfRangeException(nameof(width), "Sizes cannot be negative.");
        if (!(fontSize > 0)) throw new ArgumentOutOfRangeException(nameof(fontSize), fontSize, "A font size is positive.");
        X = x; Y = y; Width = width; Height = height; FontSize = fontSize; Bold = bold; Italic = italic; Text = text;
    }

    public double X { get; }
    public double Y { get; }
    public double Width { get; }
    public double Height { get; }
    public double FontSize { get; }
    public bool Bold { get; }
    public bool Italic { get; }
    public string Text { get; }
    public double Right => X + Width;
    public double Bottom => Y + Height;
}

/// <summary>The text runs of one page, in the order the engine found them.</summary>
public sealed record PdfPageText
{
    public PdfPageText(int number, double width, double height, IReadOnlyList<PdfTextRun> runs, bool hasImages = false, bool fromOcr = false)
    {
        if (number < 1) throw new ArgumentOutOfRangeException(nameof(number), number, "Page numbers start at 1.");
        if (!(width > 0) || !(height > 0)) throw new ArgumentOutOfRangeException(nameof(width), "A page has a positive size.");
        ArgumentNullException.ThrowIfNull(runs);
        Number = number; Width = width; Height = height; Runs = runs; HasImages = hasImages; FromOcr = fromOcr;
    }

    public int Number { get; }
    public double Width { get; }
    public double Height { get; }
    public IReadOnlyList<PdfTextRun> Runs { get; }

    /// <summary>Whether the page draws raster images; only looked up for pages without text.</summary>
    public bool HasImages { get; }

    public bool HasText => Runs.Any(r => !string.IsNullOrWhiteSpace(r.Text));

    /// <summary>The runs were recognised by OCR from a rendering of the page.</summary>
    public bool FromOcr { get; }

    /// <summary>The same page without its text (a text layer found unusable).</summary>
    public PdfPageText WithoutText() => new(Number, Width, Height, [], HasImages, FromOcr);
}

/// <summary>Document facts from the PDF's trailer and info dictionary.</summary>
public sealed record PdfDocumentInfo
{
    public PdfDocumentInfo(int pageCount, bool encrypted, string? producer = null, string? title = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pageCount);
        PageCount = pageCount;
        Encrypted = encrypted;
        Producer = string.IsNullOrWhiteSpace(producer) ? null : producer.Trim();
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
    }

    public int PageCount { get; }
    public bool Encrypted { get; }
    public string? Producer { get; }
    public string? Title { get; }
}

/// <summary>Why an engine could not give the text of a PDF.</summary>
public enum PdfFailureKind
{
    EngineMissing,
    NotAPdf,
    PasswordProtected,
    Damaged,
    TimedOut,
    EngineError,
    /// <summary>The engine's process ran out of its memory limit (a decompression bomb, a runaway file).</summary>
    OutOfMemory,
    /// <summary>The engine's process died (a stack overflow in a deeply nested file, a crash in a font).</summary>
    Crashed,
    /// <summary>The file has more pages than any plan (a page tree that claims millions).</summary>
    TooManyPages,
}

/// <summary>
/// What an <see cref="IPdfTextSource"/> returns: the document facts and pages, or a failure with
/// the engine's own words in <see cref="Detail"/> (stderr, for the log).
/// </summary>
public sealed record PdfTextResult
{
    private PdfTextResult(PdfDocumentInfo? info, IReadOnlyList<PdfPageText> pages, PdfFailureKind? failure, string? detail)
    {
        Info = info; Pages = pages; Failure = failure; Detail = detail;
    }

    /// <summary>The engine that produced the result ("poppler", "PdfPig 0.1.16"), set by the reader.</summary>
    public string Engine { get; init; } = "poppler";

    public PdfDocumentInfo? Info { get; }
    public IReadOnlyList<PdfPageText> Pages { get; }
    public PdfFailureKind? Failure { get; }
    public string? Detail { get; }
    public bool Succeeded => Failure is null;

    public static PdfTextResult Success(PdfDocumentInfo info, IReadOnlyList<PdfPageText> pages)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(pages);
        return new(info, pages, null, null);
    }

    public static PdfTextResult Failed(PdfFailureKind failure, string? detail = null) => new(null, [], failure, detail);
}

/// <summary>
/// The PDF engine behind the reader: gives positioned text runs per page. The default is
/// <see cref="PopplerTextSource"/>; a managed engine can replace it without touching the layout
/// analysis.
/// </summary>
public interface IPdfTextSource
{
    /// <summary>Whether the engine can run here, and its version.</summary>
    PdfEngineStatus GetStatus();

    /// <summary>Reads at most <paramref name="maxPages"/> pages of the file at <paramref name="path"/>.</summary>
    PdfTextResult Extract(string path, int maxPages, CancellationToken cancellationToken = default);
}

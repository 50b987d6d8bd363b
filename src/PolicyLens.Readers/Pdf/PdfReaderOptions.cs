namespace PolicyLens.Readers.Pdf;

/// <summary>
/// Settings of the PDF reader. Every property has a default that suits municipal plans of up to a
/// few hundred pages on a small server.
/// </summary>
public sealed record PdfReaderOptions
{
    /// <summary>
    /// Folder that holds the poppler executables (pdftohtml, pdfinfo, pdfimages). Default
    /// <c>null</c>: find them on the PATH. Set it on Windows, where poppler is usually unzipped
    /// into a folder of its own.
    /// </summary>
    public string? PopplerDirectory { get; init; }

    /// <summary>
    /// Wall-clock limit for all poppler work on one file; the process tree is killed when it runs
    /// out. Default 120 seconds: a 600-page plan takes a few seconds, so only a pathological file
    /// gets near it.
    /// </summary>
    public TimeSpan TimeLimit
    {
        get => _timeLimit;
        init
        {
            if (value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimeLimit), value, "The time limit must be positive.");
            _timeLimit = value;
        }
    }
    private readonly TimeSpan _timeLimit = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Pages read at most; later pages are skipped with a warning. Default 2000, far above any
    /// plan, so that a runaway file cannot exhaust memory.
    /// </summary>
    public int MaxPages
    {
        get => _maxPages;
        init
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(MaxPages), value, "At least one page must be read.");
            _maxPages = value;
        }
    }
    private readonly int _maxPages = 2000;

    /// <summary>
    /// Also read invisible text (render mode 3). Default <c>true</c>: that is how OCR tools put
    /// their text layer over a scanned page, and such plans are common.
    /// </summary>
    public bool ReadHiddenText { get; init; } = true;

    /// <summary>
    /// Poppler processes run side by side on one long file, each on its own page range. Default:
    /// the number of processor cores, at most 4. pdftohtml is single-threaded and about twice as
    /// slow as pdftotext, so splitting is what keeps a 600-page plan near pdftotext's time.
    /// Files under 40 pages always use one process.
    /// </summary>
    public int MaxParallelProcesses
    {
        get => _maxParallel;
        init
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(MaxParallelProcesses), value, "At least one process is needed.");
            _maxParallel = value;
        }
    }
    private readonly int _maxParallel = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>OCR for pages without a usable text layer (tesseract). Default: off.</summary>
    public PdfOcrOptions Ocr { get; init; } = PdfOcrOptions.Disabled;

    /// <summary>
    /// Use the embedded engine (PdfPig, in a child process) when poppler is missing or fails on a
    /// file. Default <c>true</c>; it only runs when its worker executable is found.
    /// </summary>
    public bool UseEmbeddedEngine { get; init; } = true;

    /// <summary>
    /// The PdfPig worker executable. Default <c>null</c>: <c>policylens-pdfpig</c> (or
    /// <c>policylens-pdfpig.dll</c>, started with the dotnet host) next to the running program.
    /// </summary>
    public string? PdfPigWorkerPath { get; init; }

    /// <summary>
    /// Managed-heap limit of one PdfPig worker process (<c>DOTNET_GCHeapHardLimit</c>). Default
    /// 1024 MB: a decompression bomb ends in an out-of-memory report instead of filling the server.
    /// </summary>
    public int WorkerMemoryLimitMegabytes
    {
        get => _workerMemory;
        init => _workerMemory = value >= 64 ? value : throw new ArgumentOutOfRangeException(nameof(WorkerMemoryLimitMegabytes), value, "Give the worker at least 64 MB.");
    }
    private readonly int _workerMemory = 1024;

    /// <summary>Largest amount of stderr kept from a poppler run, for error messages. Default 8 KiB.</summary>
    public int MaxErrorOutputChars { get; init; } = 8 * 1024;

    /// <summary>
    /// How long ingestion should let one PDF take: the engine's limit, a margin for the layout, and
    /// with OCR on 10 seconds for each page it may recognise (tesseract needs 3-6 s per page at
    /// 300 dpi on one core).
    /// </summary>
    public TimeSpan IngestionTimeLimit => TimeLimit + TimeSpan.FromSeconds(30) + (Ocr.Enabled ? TimeSpan.FromSeconds(10 * Ocr.MaxPages) : TimeSpan.Zero);

    public static PdfReaderOptions Default { get; } = new();
}

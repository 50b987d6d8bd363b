namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// The <c>PolicyLens</c> section of the top-level appsettings.json, shared by the web app and the
/// CLI. Every key can be overridden by an environment variable with a double underscore, e.g.
/// <c>PolicyLens__DatabasePath=/srv/policylens/db.sqlite</c>. Relative paths are resolved against
/// the checkout's root when the app runs inside one, else against the app's own folder (see <see cref="AppPaths"/>).
/// </summary>
public sealed class PolicyLensOptions
{
    public const string Section = "PolicyLens";

    /// <summary>SQLite database file. Default <c>data/policylens.db</c>; its folder is the data folder (uploads go there too).</summary>
    public string DatabasePath { get; set; } = "data/policylens.db";

    /// <summary>Folder with the YAML rule files. Default <c>rules</c>; falls back to the copy next to the executable.</summary>
    public string RulesPath { get; set; } = "rules";

    /// <summary>The learned model beside the rules. Default empty: <c>model/tagger-model.json</c> inside <see cref="RulesPath"/>.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>Tag with the learned model beside the rules (default true); false = the rules alone.</summary>
    public bool UseModel { get; set; } = true;

    /// <summary>Folder with the demo plans loaded on first start. Default <c>seeds</c> (top-level files only).</summary>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Load the demo plans when the database is empty at start-up. Default <c>true</c>.</summary>
    public bool DemoData { get; set; } = true;

    /// <summary>Largest accepted upload per file, in bytes. Default 50 MB, enough for a 600-page PDF.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Most files per upload. Default 20.</summary>
    public int MaxUploadFiles { get; set; } = 20;

    /// <summary>Folder holding pdftohtml/pdfinfo; empty means "find them on the PATH". Default empty.</summary>
    public string? PopplerPath { get; set; }

    /// <summary>Wall-clock limit for reading one PDF with poppler, in seconds. Default 120.</summary>
    public int PopplerTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Files read at the same time, each by its own worker, so one slow file never holds up the
    /// others. Default 0: one per processor core.
    /// </summary>
    public int IngestionWorkers { get; set; }

    /// <summary>Most files waiting or being read at once, over all visitors; a full queue answers 503. Default 200.</summary>
    public int MaxQueuedFiles { get; set; } = 200;

    /// <summary>
    /// Most files one client (IP address) may have waiting or being read; more answers 429.
    /// Default 40, two full uploads. Behind a reverse proxy set the forwarded headers (see README).
    /// </summary>
    public int MaxQueuedFilesPerClient { get; set; } = 40;

    /// <summary>
    /// Memory for analysed plans kept ready for the report and compare pages, in megabytes
    /// (estimated from passages, tags and evidence). Default 256; least recently used plans go first.
    /// </summary>
    public int AnalysisCacheMegabytes { get; set; } = 256;

    /// <summary>Analysis runs kept per plan after a re-analysis: the newest ones. Default 2.</summary>
    public int KeepAnalysisRuns { get; set; } = 2;

    /// <summary>The number of ingestion workers in effect.</summary>
    public int Workers() => IngestionWorkers > 0 ? IngestionWorkers : Environment.ProcessorCount;

    /// <summary>The PdfPig worker executable; empty means "next to this program". Default empty.</summary>
    public string? PdfPigWorkerPath { get; set; }

    /// <summary>OCR for pages without a usable text layer (<c>PolicyLens:Ocr:*</c>).</summary>
    public OcrSettings Ocr { get; set; } = new();

    /// <summary><c>PolicyLens:Ocr</c>: tesseract for scanned pages and pages whose text is symbol soup.</summary>
    public sealed class OcrSettings
    {
        /// <summary>Run OCR when tesseract is installed. Default <c>false</c> (a few seconds per page).</summary>
        public bool Enabled { get; set; }

        /// <summary>Folder holding tesseract; empty means the PATH. Default empty.</summary>
        public string? TesseractPath { get; set; }

        /// <summary>Language packs joined by '+'. Default <c>nld+eng</c>.</summary>
        public string Languages { get; set; } = "nld+eng";

        /// <summary>Pages recognised at most per document. Default 60.</summary>
        public int MaxPages { get; set; } = 60;
    }

    /// <summary>Every problem with the values, in English for the start-up log; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DatabasePath)) problems.Add("PolicyLens:DatabasePath is empty; give a file path such as data/policylens.db");
        if (string.IsNullOrWhiteSpace(RulesPath)) problems.Add("PolicyLens:RulesPath is empty; give the folder with the rule files");
        if (MaxUploadBytes < 1024) problems.Add($"PolicyLens:MaxUploadBytes is {MaxUploadBytes}; use at least 1024 bytes");
        if (MaxUploadFiles < 1) problems.Add($"PolicyLens:MaxUploadFiles is {MaxUploadFiles}; use at least 1");
        if (PopplerTimeoutSeconds < 1) problems.Add($"PolicyLens:PopplerTimeoutSeconds is {PopplerTimeoutSeconds}; use at least 1");
        if (IngestionWorkers is < 0 or > 64) problems.Add($"PolicyLens:IngestionWorkers is {IngestionWorkers}; use 1 to 64, or 0 for one per core");
        if (MaxQueuedFiles < MaxUploadFiles) problems.Add($"PolicyLens:MaxQueuedFiles is {MaxQueuedFiles}; use at least MaxUploadFiles ({MaxUploadFiles}), or no full upload fits");
        if (MaxQueuedFilesPerClient < 1) problems.Add($"PolicyLens:MaxQueuedFilesPerClient is {MaxQueuedFilesPerClient}; use at least 1");
        if (AnalysisCacheMegabytes < 1) problems.Add($"PolicyLens:AnalysisCacheMegabytes is {AnalysisCacheMegabytes}; use at least 1");
        if (KeepAnalysisRuns < 1) problems.Add($"PolicyLens:KeepAnalysisRuns is {KeepAnalysisRuns}; use at least 1 (the current analysis)");
        if (Ocr.MaxPages < 1) problems.Add($"PolicyLens:Ocr:MaxPages is {Ocr.MaxPages}; use at least 1");
        return problems;
    }
}

/// <summary>Start-up validation that names every bad key (see <see cref="PolicyLensOptions.Validate"/>).</summary>
public sealed class PolicyLensOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<PolicyLensOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, PolicyLensOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}

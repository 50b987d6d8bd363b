using PolicyLens.Readers.Pdf;
using PolicyLens.Report;

namespace PolicyLens.Readers.Export;

/// <summary>Settings of <see cref="PdfReportRenderer"/>.</summary>
public sealed record PdfReportOptions
{
    /// <summary>The LibreOffice program (soffice); null: look on the PATH and in the usual install folders.</summary>
    public string? LibreOfficePath { get; init; }

    /// <summary>Time limit of one conversion. Default 120 s (the first run in a new profile takes a few seconds).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The Word report that is converted.</summary>
    public DocxReportOptions Docx { get; init; } = new();

    public void Validate()
    {
        if (TimeLimit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimeLimit), TimeLimit, "A positive time limit.");
        ArgumentNullException.ThrowIfNull(Docx);
        Docx.Validate();
    }
}

/// <summary>The PDF of a report could not be made; the message is Dutch and says what to do instead.</summary>
public sealed class ReportConversionException(string message) : Exception(message);

/// <summary>
/// The report as PDF: the Word report (<see cref="DocxReportRenderer"/>) converted by LibreOffice
/// headless, so both files look the same. LibreOffice runs as a separate process with an argument
/// list, a time limit and a profile of its own (one conversion at a time per process: a profile
/// cannot be shared). Without LibreOffice, <see cref="IsAvailable"/> is false and
/// <see cref="Write"/> throws a <see cref="ReportConversionException"/> that says so.
/// </summary>
public sealed class PdfReportRenderer : IReportRenderer
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly Lazy<string?> Installed = new(() => Find(null));
    private readonly PdfReportOptions _options;
    private readonly string? _soffice;

    public PdfReportRenderer(PdfReportOptions? options = null)
    {
        _options = options ?? new PdfReportOptions();
        _options.Validate();
        _soffice = _options.LibreOfficePath is null ? Installed.Value : Find(_options.LibreOfficePath);
    }

    public string Format => "pdf";
    public string FileExtension => ".pdf";
    public string ContentType => "application/pdf";
    public bool IsText => false;

    /// <summary>True when LibreOffice was found, so a PDF can be made.</summary>
    public bool IsAvailable => _soffice is not null;

    /// <summary>Where LibreOffice is, or null.</summary>
    public string? LibreOffice => _soffice;

    public const string NotAvailableMessage =
        "Een PDF van het rapport maakt PolicyLens met LibreOffice, en dat is op deze computer niet gevonden. " +
        "Download het Word-rapport en sla het op als PDF, of installeer LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui).";

    public void Write(PlanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (_soffice is null) throw new ReportConversionException(NotAvailableMessage);
        var folder = Directory.CreateTempSubdirectory("policylens-pdf-report-").FullName;
        try
        {
            var docx = Path.Join(folder, "rapport.docx");
            using (var file = File.Create(docx)) new DocxReportRenderer(_options.Docx).Write(report, file);
            OneAtATime.Wait();
            ProcessOutcome outcome;
            try
            {
                outcome = ProcessRunner.Run(_soffice, [
                    "--headless", "--norestore", "--nolockcheck", "--nodefault",
                    "-env:UserInstallation=" + new Uri(Profile).AbsoluteUri,
                    "--convert-to", "pdf", "--outdir", folder, docx,
                ], DateTime.UtcNow + _options.TimeLimit, stream => stream.CopyTo(Stream.Null), 2000, CancellationToken.None);
            }
            finally
            {
                OneAtATime.Release();
            }
            var pdf = Path.Join(folder, "rapport.pdf");
            if (!outcome.Succeeded || !File.Exists(pdf))
                throw new ReportConversionException(outcome.TimedOut
                    ? $"LibreOffice maakte de PDF niet binnen {_options.TimeLimit.TotalSeconds:0} seconden. Download het Word-rapport en sla het zelf op als PDF."
                    : $"LibreOffice kon de PDF niet maken ({(outcome.StandardError.Length > 0 ? outcome.StandardError : $"afsluitcode {outcome.ExitCode}")}). Download het Word-rapport en sla het zelf op als PDF.");
            using var result = File.OpenRead(pdf);
            result.CopyTo(output);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>One LibreOffice profile per process, reused by every conversion (making one costs seconds), removed at exit.</summary>
    private static string Profile => LazyProfile.Value;

    private static readonly Lazy<string> LazyProfile = new(() =>
    {
        var path = Path.Join(Path.GetTempPath(), $"policylens-libreoffice-{Environment.ProcessId}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(path, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        };
        return path;
    });

    /// <summary>The configured program when it exists, else soffice or libreoffice on the PATH or in the usual install folders.</summary>
    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        var names = OperatingSystem.IsWindows() ? new[] { "soffice.exe" } : ["soffice", "libreoffice"];
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        folders.AddRange(OperatingSystem.IsWindows()
            ? [@"C:\Program Files\LibreOffice\program", @"C:\Program Files (x86)\LibreOffice\program"]
            : OperatingSystem.IsMacOS() ? ["/Applications/LibreOffice.app/Contents/MacOS"] : ["/usr/lib/libreoffice/program", "/opt/libreoffice/program"]);
        foreach (var folder in folders)
            foreach (var name in names)
            {
                var path = Path.Join(folder, name);
                if (File.Exists(path)) return path;
            }
        return null;
    }
}

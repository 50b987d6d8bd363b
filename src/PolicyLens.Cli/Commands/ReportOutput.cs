using PolicyLens.Coverage;
using PolicyLens.Readers.Export;
using PolicyLens.Report;
using PolicyLens.Tagging;

namespace PolicyLens.Cli.Commands;

/// <summary>Shared by <c>report</c> and <c>compare</c>: choosing a format, analysing a file in memory, writing the result.</summary>
internal static class ReportOutput
{
    public static IReadOnlyList<IReportRenderer> ReportRenderers { get; } =
        [new MarkdownReportRenderer(), new JsonReportRenderer(), new DocxReportRenderer(), new HtmlReportRenderer(), new PdfReportRenderer()];

    /// <summary>The Word or PDF report with the full tables and evidence as an appendix (--appendix).</summary>
    public static IReportRenderer WithAppendix(IReportRenderer renderer) => renderer.Format switch
    {
        "docx" => new DocxReportRenderer(new DocxReportOptions { Appendix = true }),
        "pdf" => new PdfReportRenderer(new PdfReportOptions { Docx = new DocxReportOptions { Appendix = true } }),
        _ => renderer,
    };

    public static IReadOnlyList<IComparisonRenderer> ComparisonRenderers { get; } =
        [new CsvComparisonRenderer(), new XlsxComparisonRenderer(), new JsonComparisonRenderer(), new MarkdownComparisonRenderer(),
            new HtmlComparisonRenderer(), new DocxComparisonRenderer()];

    /// <summary>--format if given, else the --out file's extension, else the fallback.</summary>
    public static string ChooseFormat(string? format, string? outPath, IEnumerable<string> formats, string fallback)
    {
        if (!string.IsNullOrWhiteSpace(format)) return format;
        var extension = Path.GetExtension(outPath ?? "").TrimStart('.').ToLowerInvariant();
        if (extension == "markdown") extension = "md";
        if (extension == "htm") extension = "html";
        return formats.Contains(extension) ? extension : fallback;
    }

    /// <summary>
    /// A plan given on the command line, analysed: a file is read and tagged in memory, a number is
    /// a stored document. Null (reason on stderr) when it cannot be read or found.
    /// </summary>
    public static PlanCoverage? Analyze(string target, string? dbPath, IPassageTagger tagger, ICoverageAnalyzer analyzer, string? municipality, TextWriter stderr,
        bool verbose = false)
    {
        if (File.Exists(target) || !long.TryParse(target, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            if (!File.Exists(target) && !Directory.Exists(target) && dbPath is not null)
            {
                stderr.WriteLine($"policylens: {target}: geen bestand en geen documentnummer; geef een planbestand of een nummer uit 'policylens list'");
                return null;
            }
            return AnalyzeFile(target, tagger, analyzer, municipality, verbose, stderr);
        }
        return ReportStore.LoadCoverage(id, dbPath, tagger, analyzer, stderr);
    }

    /// <summary>Ingests, tags and analyses one file; null (reason on stderr) when it cannot be read.</summary>
    public static PlanCoverage? AnalyzeFile(string path, IPassageTagger tagger, ICoverageAnalyzer analyzer, string? municipality, bool verbose, TextWriter stderr)
    {
        var ingestion = ExtractCommand.Ingest(path, verbose, stderr);
        if (ingestion?.Document is null) return null;
        return PlanTagging.Analyze(ingestion, tagger, analyzer, municipality);
    }

    /// <summary>
    /// Writes text to --out or stdout, binary only to --out. Returns the exit code; problems go to
    /// stderr naming the file.
    /// </summary>
    public static int Write(bool isText, string format, Action<Stream> write, string? outPath, TextWriter stdout, TextWriter stderr)
    {
        if (outPath is null)
        {
            if (!isText)
            {
                stderr.WriteLine(BinaryNeedsOut(format, "rapport"));
                return Program.UsageError;
            }
            using var buffer = new MemoryStream();
            write(buffer);
            stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            return 0;
        }
        var full = Path.GetFullPath(outPath);
        var temp = full + ".tmp-" + Environment.ProcessId;
        try
        {
            // Write next to the target and move, so a failed run never leaves half a file under the real name.
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
                write(file);
            File.Move(temp, full, overwrite: true);
            stderr.WriteLine($"policylens: {outPath} geschreven");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            var reason = ex is UnauthorizedAccessException ? "geen schrijfrechten" : ex.Message.TrimEnd('.');
            stderr.WriteLine($"policylens: {outPath}: het bestand kan niet geschreven worden ({reason}); controleer of de map bestaat en het bestand niet in een ander programma geopend is");
            return ExtractCommand.InputError;
        }
        catch (ReportConversionException ex)
        {
            TryDelete(temp);
            stderr.WriteLine($"policylens: {outPath}: {ex.Message}");
            return ExtractCommand.InputError;
        }
        catch (Exception ex)
        {
            // A renderer bug must still end in a message, not a stack trace.
            TryDelete(temp);
            stderr.WriteLine($"policylens: {outPath}: het {format}-bestand kon niet gemaakt worden ({ex.GetType().Name}: {ex.Message.TrimEnd('.')}); probeer een ander formaat en meld het probleem");
            return ExtractCommand.InputError;
        }
    }

    /// <summary>Binary formats go to a file, never to a terminal.</summary>
    public static string BinaryNeedsOut(string format, string exampleName) =>
        $"policylens: {format} is een binair formaat; geef een bestand met --out (bijvoorbeeld --out {exampleName}.{format})";

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

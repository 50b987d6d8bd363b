using PolicyLens.Readers.Pdf;

namespace PolicyLens.Web.Infrastructure;

/// <summary>One optional engine, as the start-up summary and the status page name it.</summary>
/// <param name="Name">Short name ("PDF", "OCR", "LLM").</param>
/// <param name="Available">Whether documents can use it now.</param>
/// <param name="Detail">Dutch: which engine and version, or why not and what to do.</param>
public sealed record EngineLine(string Name, bool Available, string Detail);

/// <summary>The PDF engines' and OCR's status, probed once (each starts a process) and then kept.</summary>
public sealed class EngineStatus(PdfReaderOptions options)
{
    private readonly Lazy<IReadOnlyList<PdfEngineStatus>> _all = new(() => new PdfReader(options).EngineStatuses());

    /// <summary>Poppler, the embedded PdfPig worker and tesseract, in the order they are used.</summary>
    public IReadOnlyList<PdfEngineStatus> All => _all.Value;

    /// <summary>The PDF engine that reads files here: the first available one, else poppler's reason.</summary>
    public PdfEngineStatus Pdf => All.Where(e => e.Engine != "tesseract").FirstOrDefault(e => e.IsAvailable) ?? All[0];

    private PdfEngineStatus? Ocr => All.FirstOrDefault(e => e.Engine == "tesseract");

    /// <summary>
    /// Every optional engine in display order, in Dutch. An engine added to PolicyLens adds its line
    /// here (the LLM reviewer replaces its placeholder), so start-up and status page name it.
    /// </summary>
    public IReadOnlyList<EngineLine> Lines()
    {
        var missing = All.Where(e => e.Engine != "tesseract" && !e.IsAvailable).Select(e => e.Engine).ToList();
        var pdf = Pdf.IsAvailable
            ? new EngineLine("PDF", true, $"beschikbaar ({Pdf.Engine}{(Pdf.Version is { } v ? " " + v : "")}{(missing.Count > 0 ? $"; niet gevonden: {string.Join(", ", missing)}" : "")})")
            : new EngineLine("PDF", false, "niet beschikbaar: poppler en de ingebouwde PDF-lezer ontbreken. Installeer poppler-utils of zet PolicyLens:PopplerPath (zie README).");
        var ocr = Ocr switch
        {
            { IsAvailable: true } t when options.Ocr.Enabled => new EngineLine("OCR", true, $"aan (tesseract {t.Version}, talen {options.Ocr.Languages})"),
            { IsAvailable: true } t => new EngineLine("OCR", false, $"tesseract {t.Version} is geïnstalleerd maar OCR staat uit (zet PolicyLens:Ocr:Enabled op true); gescande pagina's worden overgeslagen."),
            _ => new EngineLine("OCR", false, "niet beschikbaar: tesseract met het Nederlandse taalpakket ontbreekt (tesseract-ocr, tesseract-ocr-nld); gescande pagina's worden overgeslagen."),
        };
        return [pdf, ocr, new("LLM", false, "niet ingebouwd in deze versie.")];
    }
}

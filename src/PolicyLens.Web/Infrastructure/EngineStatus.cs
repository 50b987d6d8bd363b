using PolicyLens.Readers.Pdf;

namespace PolicyLens.Web.Infrastructure;

/// <summary>One optional engine, as the start-up summary and the status page name it.</summary>
/// <param name="Name">Short name ("PDF", "OCR", "LLM").</param>
/// <param name="Available">Whether documents can use it now.</param>
/// <param name="Detail">Dutch: which engine and version, or why not and what to do.</param>
public sealed record EngineLine(string Name, bool Available, string Detail);

/// <summary>The optional engines' status, probed once (a probe may start a process) and then kept.</summary>
public sealed class EngineStatus(PdfReaderOptions options)
{
    private readonly Lazy<PdfEngineStatus> _pdf = new(() => PopplerTextSource.Probe(options));

    public PdfEngineStatus Pdf => _pdf.Value;

    /// <summary>
    /// Every optional engine in display order. An engine added to PolicyLens adds its line here
    /// (OCR and the LLM reviewer replace their placeholders), so start-up and status page name it.
    /// </summary>
    public IReadOnlyList<EngineLine> Lines() =>
    [
        Pdf.IsAvailable
            ? new("PDF", true, $"beschikbaar ({Pdf.Engine}{(Pdf.Version is { } v ? " " + v : "")})")
            : new("PDF", false, "niet beschikbaar: poppler is niet gevonden. Installeer poppler-utils of zet PolicyLens:PopplerPath (zie README)."),
        new("OCR", false, "niet ingebouwd in deze versie: gescande pagina's zonder tekstlaag worden overgeslagen."),
        new("LLM", false, "niet ingebouwd in deze versie."),
    ];
}

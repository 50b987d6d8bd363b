using PolicyLens.Readers.Pdf;

namespace PolicyLens.Web.Infrastructure;

/// <summary>The PDF engines' and OCR's status, probed once (each starts a process) and then kept.</summary>
public sealed class EngineStatus(PdfReaderOptions options)
{
    private readonly Lazy<IReadOnlyList<PdfEngineStatus>> _all = new(() => new PdfReader(options).EngineStatuses());

    /// <summary>Poppler, the embedded PdfPig worker and tesseract, in the order they are used.</summary>
    public IReadOnlyList<PdfEngineStatus> All => _all.Value;

    /// <summary>The PDF engine that reads files here: the first available one, else poppler's reason.</summary>
    public PdfEngineStatus Pdf => All.Where(e => e.Engine != "tesseract").FirstOrDefault(e => e.IsAvailable) ?? All[0];
}

using PolicyLens.Readers.Pdf;

namespace PolicyLens.Web.Infrastructure;

/// <summary>The PDF engine's status, probed once (it starts a process) and then kept.</summary>
public sealed class EngineStatus(PdfReaderOptions options)
{
    private readonly Lazy<PdfEngineStatus> _pdf = new(() => PopplerTextSource.Probe(options));

    public PdfEngineStatus Pdf => _pdf.Value;
}

using PolicyLens.Documents;
using PolicyLens.Readers.Pdf;

namespace PolicyLens.Readers.Documents;

/// <summary>
/// The readers PolicyLens ships, in one place so the CLI, the web app and tests ingest alike.
/// To add a format, add its reader to <see cref="Create"/>.
/// </summary>
public static class DefaultReaders
{
    /// <summary>One reader per supported format.</summary>
    /// <remarks>
    /// The PDF reader is always registered: without poppler it fails each PDF with the install
    /// command, which tells the user more than "no reader for this format".
    /// </remarks>
    public static IReadOnlyList<IDocumentReader> Create(ReaderOptions? options = null, PdfReaderOptions? pdf = null)
    {
        options ??= new ReaderOptions();
        options.Validate();
        return
        [
            new DocxReader(options),
            new OdtReader(options),
            new HtmlReader(options),
            new PlainTextReader(options),
            new PdfReader(pdf),
        ];
    }

    /// <summary>
    /// An ingestor with the default readers; <paramref name="extraReaders"/> are added after
    /// them and replace a default reader for the same format.
    /// </summary>
    public static DocumentIngestor CreateIngestor(IngestionOptions? ingestion = null, ReaderOptions? readers = null,
        IEnumerable<IDocumentReader>? extraReaders = null, PdfReaderOptions? pdf = null) =>
        new([.. Create(readers, pdf), .. extraReaders ?? []], ingestion);
}

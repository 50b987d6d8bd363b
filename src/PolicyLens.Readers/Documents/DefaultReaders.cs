using PolicyLens.Documents;

namespace PolicyLens.Readers.Documents;

/// <summary>
/// The readers PolicyLens ships, in one place so the CLI, the web app and tests ingest alike.
/// To add a format, add its reader to <see cref="Create"/>.
/// </summary>
public static class DefaultReaders
{
    /// <summary>One reader per supported format.</summary>
    public static IReadOnlyList<IDocumentReader> Create(ReaderOptions? options = null)
    {
        options ??= new ReaderOptions();
        options.Validate();
        return
        [
            new DocxReader(options),
            new OdtReader(options),
            new HtmlReader(options),
            new PlainTextReader(options),
            // PDF: add the poppler-based reader here.
        ];
    }

    /// <summary>
    /// An ingestor with the default readers; <paramref name="extraReaders"/> are added after
    /// them and replace a default reader for the same format.
    /// </summary>
    public static DocumentIngestor CreateIngestor(IngestionOptions? ingestion = null, ReaderOptions? readers = null,
        IEnumerable<IDocumentReader>? extraReaders = null) =>
        new([.. Create(readers), .. extraReaders ?? []], ingestion);
}

namespace PolicyLens.Documents;

/// <summary>
/// Reads one document format into blocks. Implementations wrap one third-party parser each.
/// A reader reports a malformed document through <see cref="ReaderOutput.Failed"/> or issues;
/// it may still throw for truly unexpected faults, which <see cref="DocumentIngestor"/> turns
/// into a failed result.
/// </summary>
public interface IDocumentReader
{
    /// <summary>The formats this reader handles.</summary>
    IReadOnlyCollection<DocumentFormat> Formats { get; }

    ReaderOutput Read(DocumentSource source, DocumentFormat format, CancellationToken cancellationToken = default);
}

namespace PolicyLens.Documents;

/// <summary>Facts about an ingested document, independent of its passages.</summary>
public sealed record PlanDocument
{
    public PlanDocument(string title, string fileName, DocumentFormat format, int? pageCount, string contentHash, long sizeBytes, string? readBy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (format == DocumentFormat.Unknown) throw new ArgumentException("An ingested document has a known format.", nameof(format));
        if (pageCount is < 0) throw new ArgumentOutOfRangeException(nameof(pageCount));
        if (contentHash is not { Length: 64 } || !contentHash.All(Uri.IsHexDigit))
            throw new ArgumentException("The content hash is a SHA-256 in 64 hex digits.", nameof(contentHash));
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        Title = title;
        FileName = fileName;
        Format = format;
        PageCount = pageCount;
        ContentHash = contentHash;
        SizeBytes = sizeBytes;
        ReadBy = string.IsNullOrWhiteSpace(readBy) ? null : readBy.Trim();
    }

    public string Title { get; }
    public string FileName { get; }
    public DocumentFormat Format { get; }
    public int? PageCount { get; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes; the same file is never stored twice.</summary>
    public string ContentHash { get; }
    public long SizeBytes { get; }

    /// <summary>The engine that read the file where a format has several ("poppler 22.12.0", "PdfPig 0.1.16", "poppler + tesseract OCR"); null otherwise.</summary>
    public string? ReadBy { get; }
}

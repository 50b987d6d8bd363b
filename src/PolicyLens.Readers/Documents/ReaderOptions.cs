namespace PolicyLens.Readers.Documents;

/// <summary>
/// Limits the format readers enforce so that a hostile or broken file fails fast instead of
/// exhausting memory or the stack. Defaults are far above any real plan.
/// </summary>
public sealed record ReaderOptions
{
    /// <summary>
    /// Most bytes a DOCX or ODT archive may decompress to, counted as they are actually
    /// decompressed (declared sizes can lie). Default 200 MB.
    /// </summary>
    public long MaxArchiveUncompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Most entries a DOCX or ODT archive may have. Default 10,000.</summary>
    public int MaxArchiveEntries { get; init; } = 10_000;

    /// <summary>
    /// Deepest element nesting accepted in XML (DOCX/ODT parts) and HTML. Default 256; real
    /// documents stay well below 60 even with tables inside tables.
    /// </summary>
    public int MaxXmlDepth { get; init; } = 256;

    /// <summary>
    /// Largest HTML file read, in bytes. Default 25 MB: a long plan saved as a web page is a few
    /// megabytes, and AngleSharp's tree takes many times the file's size in memory.
    /// </summary>
    public long MaxHtmlBytes { get; init; } = 25L * 1024 * 1024;

    /// <summary>
    /// Most elements an HTML page may have. Default 500,000: a 300-page budget saved from Word
    /// has about 150,000; more only costs memory (AngleSharp keeps every element as an object).
    /// </summary>
    public long MaxHtmlElements { get; init; } = 500_000;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (MaxArchiveUncompressedBytes < 1024) throw new ArgumentOutOfRangeException(nameof(MaxArchiveUncompressedBytes), MaxArchiveUncompressedBytes, "Allow at least 1 KB.");
        if (MaxArchiveEntries < 1) throw new ArgumentOutOfRangeException(nameof(MaxArchiveEntries), MaxArchiveEntries, "Allow at least one entry.");
        if (MaxXmlDepth is < 16 or > 10_000) throw new ArgumentOutOfRangeException(nameof(MaxXmlDepth), MaxXmlDepth, "Use a depth between 16 and 10,000.");
        if (MaxHtmlBytes < 1024) throw new ArgumentOutOfRangeException(nameof(MaxHtmlBytes), MaxHtmlBytes, "Allow at least 1 KB.");
        if (MaxHtmlElements < 100) throw new ArgumentOutOfRangeException(nameof(MaxHtmlElements), MaxHtmlElements, "Allow at least 100 elements.");
    }
}

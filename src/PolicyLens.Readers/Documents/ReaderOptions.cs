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

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (MaxArchiveUncompressedBytes < 1024) throw new ArgumentOutOfRangeException(nameof(MaxArchiveUncompressedBytes), MaxArchiveUncompressedBytes, "Allow at least 1 KB.");
        if (MaxArchiveEntries < 1) throw new ArgumentOutOfRangeException(nameof(MaxArchiveEntries), MaxArchiveEntries, "Allow at least one entry.");
        if (MaxXmlDepth is < 16 or > 10_000) throw new ArgumentOutOfRangeException(nameof(MaxXmlDepth), MaxXmlDepth, "Use a depth between 16 and 10,000.");
    }
}

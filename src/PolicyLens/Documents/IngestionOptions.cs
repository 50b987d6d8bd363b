using PolicyLens.Passages;

namespace PolicyLens.Documents;

/// <summary>
/// Limits and settings for <see cref="DocumentIngestor"/>. Format-specific limits (ZIP archive
/// size and entry count, XML depth) belong to the readers' own options
/// (<c>PolicyLens.Readers.ReaderOptions</c>), because the readers enforce them.
/// </summary>
public sealed record IngestionOptions
{
    /// <summary>Largest file accepted, in bytes. Default 100 MB: far above any real plan, below what would strain the machine.</summary>
    public long MaxFileSizeBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>
    /// How long one reader may take before the ingestion is cancelled. Default 2 minutes.
    /// Readers observe it through their cancellation token.
    /// </summary>
    public TimeSpan ReaderTimeLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How blocks become passages (sizes, merging, code-line promotion).</summary>
    public PassageOptions Passages { get; init; } = new();

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (MaxFileSizeBytes < 1) throw new ArgumentOutOfRangeException(nameof(MaxFileSizeBytes), MaxFileSizeBytes, "The file size limit must be positive.");
        if (ReaderTimeLimit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ReaderTimeLimit), ReaderTimeLimit, "The reader time limit must be positive.");
        ArgumentNullException.ThrowIfNull(Passages);
        Passages.Validate();
    }
}

namespace PolicyLens.Documents;

/// <summary>
/// A document to ingest: its file name (for messages and the report) and its bytes on disk.
/// Readers that need a path (poppler runs as a separate process) use <see cref="Path"/>;
/// others open <see cref="OpenRead"/>.
/// </summary>
public sealed record DocumentSource
{
    public DocumentSource(string path, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        var name = BidiControls.Strip(string.IsNullOrWhiteSpace(displayName) ? System.IO.Path.GetFileName(Path) : displayName);
        FileName = string.IsNullOrWhiteSpace(name) ? System.IO.Path.GetFileName(Path) : name;
    }

    /// <summary>Full path of the file on disk.</summary>
    public string Path { get; }

    /// <summary>Name shown to the user (the uploaded name may differ from the temp file name), without direction controls.</summary>
    public string FileName { get; }

    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
}

namespace PolicyLens.Readers.Pdf;

/// <summary>
/// Whether PDF support works on this machine, for <c>policylens doctor</c> and the web status
/// page. <see cref="Message"/> is a complete English sentence; when the engine is missing it
/// says how to install it.
/// </summary>
public sealed record PdfEngineStatus
{
    public PdfEngineStatus(bool isAvailable, string engine, string? version, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(engine);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        IsAvailable = isAvailable;
        Engine = engine;
        Version = string.IsNullOrWhiteSpace(version) ? null : version.Trim();
        Message = message;
    }

    public bool IsAvailable { get; }

    /// <summary>Name of the engine, e.g. "poppler".</summary>
    public string Engine { get; }

    /// <summary>Version string as the engine reports it ("22.12.0"), when available.</summary>
    public string? Version { get; }

    public string Message { get; }
}

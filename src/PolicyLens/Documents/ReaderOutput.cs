namespace PolicyLens.Documents;

/// <summary>What a format reader returns: blocks in reading order and what it noticed.</summary>
public sealed record ReaderOutput
{
    public ReaderOutput(IReadOnlyList<Block> blocks, IReadOnlyList<IngestionIssue>? issues = null, string? title = null, int? pageCount = null, string? engine = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (pageCount is < 0) throw new ArgumentOutOfRangeException(nameof(pageCount));
        Blocks = blocks;
        Issues = issues ?? [];
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        PageCount = pageCount;
        Engine = string.IsNullOrWhiteSpace(engine) ? null : engine.Trim();
    }

    public IReadOnlyList<Block> Blocks { get; }
    public IReadOnlyList<IngestionIssue> Issues { get; }

    /// <summary>The title from document metadata, if the format has one.</summary>
    public string? Title { get; }
    public int? PageCount { get; }

    /// <summary>Which engine read the file, where a format has several (see <see cref="PlanDocument.ReadBy"/>).</summary>
    public string? Engine { get; }

    /// <summary>A reader's way of saying "this file cannot be read", with the reason.</summary>
    public static ReaderOutput Failed(IssueCode code, string message) => Failed(IngestionIssue.Error(code, message));

    /// <summary>A failure with facts for its Dutch text (<see cref="IngestionIssue.With"/>).</summary>
    public static ReaderOutput Failed(IngestionIssue error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Severity != IssueSeverity.Error) throw new ArgumentException("A failure is an error issue.", nameof(error));
        return new([], [error]);
    }
}

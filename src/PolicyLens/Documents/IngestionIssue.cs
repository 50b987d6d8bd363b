namespace PolicyLens.Documents;

public enum IssueSeverity
{
    Warning,
    Error,
}

/// <summary>
/// Something worth telling the user about a document: a warning (content skipped, page without
/// text layer) or an error (the document could not be read). Messages are complete sentences
/// that say what is wrong and, where possible, what to do.
/// </summary>
public sealed record IngestionIssue
{
    public IngestionIssue(IssueSeverity severity, string message, int? page = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (page is < 1) throw new ArgumentOutOfRangeException(nameof(page), page, "Page numbers start at 1.");
        Severity = severity;
        Message = message;
        Page = page;
    }

    public IssueSeverity Severity { get; }
    public string Message { get; }
    public int? Page { get; }

    public static IngestionIssue Error(string message, int? page = null) => new(IssueSeverity.Error, message, page);
    public static IngestionIssue Warning(string message, int? page = null) => new(IssueSeverity.Warning, message, page);
}

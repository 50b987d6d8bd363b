using PolicyLens.Passages;

namespace PolicyLens.Documents;

/// <summary>
/// The outcome of ingesting one file. A file that could not be read is a result with an error
/// issue and no document, never an exception: in a batch the other files go on.
/// </summary>
public sealed record IngestionResult
{
    public IngestionResult(string fileName, PlanDocument? document, IReadOnlyList<Passage> passages, IReadOnlyList<IngestionIssue> issues, string plainText)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(plainText);
        if (document is null && !issues.Any(i => i.Severity == IssueSeverity.Error))
            throw new ArgumentException("A result without a document must say why in an error issue.", nameof(issues));
        FileName = fileName;
        Document = document;
        Passages = passages;
        Issues = issues;
        PlainText = plainText;
    }

    public string FileName { get; }
    public PlanDocument? Document { get; }
    public IReadOnlyList<Passage> Passages { get; }
    public IReadOnlyList<IngestionIssue> Issues { get; }

    /// <summary>The document's text as passages joined by blank lines; passage offsets point into it.</summary>
    public string PlainText { get; }

    public bool Succeeded => Document is not null && !Issues.Any(i => i.Severity == IssueSeverity.Error);

    /// <summary>The first error, whose code gives the Dutch message; null when the file was read.</summary>
    public IngestionIssue? Failure => Issues.FirstOrDefault(i => i.Severity == IssueSeverity.Error);

    /// <summary>The first error's English detail, for logs and one-line reports ("plan.pdf: …").</summary>
    public string? Error => Failure?.Message;

    public static IngestionResult Failed(string fileName, IngestionIssue error, IEnumerable<IngestionIssue>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Severity != IssueSeverity.Error) throw new ArgumentException("A failure is an error issue.", nameof(error));
        return new(fileName, null, [], [.. earlier ?? [], error], string.Empty);
    }
}

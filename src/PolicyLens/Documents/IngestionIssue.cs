using System.Globalization;

namespace PolicyLens.Documents;

public enum IssueSeverity
{
    Warning,
    Error,
}

/// <summary>
/// Something worth telling the user about a document: a warning (content skipped, page without
/// text layer) or an error (the document could not be read). <see cref="Code"/> says what kind of
/// problem it is, for the Dutch message users see (<see cref="IssueMessages"/>);
/// <see cref="Message"/> is the English detail for logs and <c>--verbose</c>, a complete sentence
/// that says what is wrong and, where possible, what to do.
/// </summary>
public sealed record IngestionIssue
{
    public IngestionIssue(IssueSeverity severity, IssueCode code, string message, int? page = null, IReadOnlyDictionary<string, string>? facts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (page is < 1) throw new ArgumentOutOfRangeException(nameof(page), page, "Page numbers start at 1.");
        if (!Enum.IsDefined(code)) throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown issue code.");
        Severity = severity;
        Code = code;
        Message = message;
        Page = page;
        Facts = facts ?? Empty;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public IssueSeverity Severity { get; }
    public IssueCode Code { get; }

    /// <summary>English detail (the reader's own words, with what the parser said).</summary>
    public string Message { get; }
    public int? Page { get; }

    /// <summary>Values the Dutch text needs (limits, counts, the extension), culture-invariant strings.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; }

    public static IngestionIssue Error(IssueCode code, string message, int? page = null) => new(IssueSeverity.Error, code, message, page);
    public static IngestionIssue Warning(IssueCode code, string message, int? page = null) => new(IssueSeverity.Warning, code, message, page);

    /// <summary>The same issue with one more fact (numbers written culture-invariant).</summary>
    public IngestionIssue With(string name, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var facts = new Dictionary<string, string>(Facts) { [name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" };
        return new(Severity, Code, Message, Page, facts);
    }

    /// <summary>The same issue with another English detail (the ingestor puts the file name in front).</summary>
    public IngestionIssue WithMessage(string message) => new(Severity, Code, message, Page, Facts);

    // Facts compare by content, so two issues saying the same thing are equal.
    public bool Equals(IngestionIssue? other) =>
        other is not null && Severity == other.Severity && Code == other.Code && Message == other.Message && Page == other.Page
        && Facts.Count == other.Facts.Count && Facts.All(f => other.Facts.TryGetValue(f.Key, out var v) && v == f.Value);

    public override int GetHashCode() => HashCode.Combine(Severity, Code, Message, Page, Facts.Count);
}

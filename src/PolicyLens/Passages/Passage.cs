namespace PolicyLens.Passages;

public enum PassageKind
{
    Paragraph,
    ListItem,
    TableRow,
    Heading,
}

/// <summary>
/// The unit PolicyLens tags and reports on: a paragraph, list item, table row or heading,
/// with where it stands in the plan (page, heading path) and its character range in the
/// document's plain text (<see cref="Documents.IngestionResult.PlainText"/>).
/// </summary>
public sealed record Passage
{
    public Passage(int ordinal, PassageKind kind, string text, int? page, IReadOnlyList<string> headings, int start, bool fromOcr = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        if (page is < 1) throw new ArgumentOutOfRangeException(nameof(page), page, "Page numbers start at 1.");
        if (headings.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("Heading path entries cannot be empty.", nameof(headings));
        Ordinal = ordinal;
        Kind = kind;
        Text = text;
        Page = page;
        Headings = headings;
        Start = start;
        FromOcr = fromOcr;
    }

    /// <summary>0-based position in the document.</summary>
    public int Ordinal { get; }
    public PassageKind Kind { get; }

    /// <summary>Clean display text (hyphenation repaired, soft hyphens and odd spaces removed).</summary>
    public string Text { get; }

    /// <summary>1-based page where the passage starts, where the format has pages.</summary>
    public int? Page { get; }

    /// <summary>Ancestor headings, outermost first (e.g. "BD 2 …", "AP 2.3 …", "Actie 2.3.1 …").</summary>
    public IReadOnlyList<string> Headings { get; }

    /// <summary>Offset of <see cref="Text"/> in the document's plain text.</summary>
    public int Start { get; }

    /// <summary>The text was recognised by OCR from a page without a usable text layer; reports mark it.</summary>
    public bool FromOcr { get; }

    /// <summary>Offset just past the end of <see cref="Text"/> in the document's plain text.</summary>
    public int End => Start + Text.Length;
}

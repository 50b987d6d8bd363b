namespace PolicyLens.Documents;

public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    TableRow,
}

/// <summary>
/// One structural unit as a reader sees it, before passages are formed: a heading (with the
/// level the source gives it, 0 when unknown), a paragraph, a list item or a table row.
/// Readers emit blocks in reading order; <see cref="Passages.PassageBuilder"/> turns them into
/// passages with heading paths, so every format shares one structure layer.
/// </summary>
public sealed record Block
{
    public Block(BlockKind kind, string text, int? page = null, int headingLevel = 0,
        IReadOnlyList<string>? tableHeaders = null, string? listLabel = null, bool fromOcr = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (page is < 1) throw new ArgumentOutOfRangeException(nameof(page), page, "Page numbers start at 1.");
        if (headingLevel is < 0 or > 9) throw new ArgumentOutOfRangeException(nameof(headingLevel), headingLevel, "Heading levels run from 0 (unknown) to 9.");
        if (kind != BlockKind.Heading && headingLevel != 0) throw new ArgumentException("Only headings have a level.", nameof(headingLevel));
        Kind = kind;
        Text = text;
        Page = page;
        HeadingLevel = headingLevel;
        TableHeaders = tableHeaders ?? [];
        ListLabel = listLabel;
        FromOcr = fromOcr;
    }

    public BlockKind Kind { get; }

    /// <summary>
    /// The text as it appears in the source (not yet normalised). A table row holds its cells
    /// separated by tab characters, aligned with <see cref="TableHeaders"/>.
    /// </summary>
    public string Text { get; }

    /// <summary>1-based page number, where the format has pages.</summary>
    public int? Page { get; }

    /// <summary>1 = top level; 0 = a heading whose level the source does not say.</summary>
    public int HeadingLevel { get; }

    /// <summary>For a table row: the column headers of its table, aligned with the cells.</summary>
    public IReadOnlyList<string> TableHeaders { get; }

    /// <summary>For a list item: its computed number or bullet ("1.", "a)", "•"), if any.</summary>
    public string? ListLabel { get; }

    /// <summary>The text was recognised from a picture of the page (OCR), not read from its text layer; it may hold recognition errors.</summary>
    public bool FromOcr { get; }
}

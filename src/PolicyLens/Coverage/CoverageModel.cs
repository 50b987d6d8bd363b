using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>How far a plan covers a label. Thresholds: <see cref="CoverageOptions"/>.</summary>
public enum CoverageStatus
{
    /// <summary>No passage carries the label.</summary>
    Afwezig,

    /// <summary>The label occurs, but too little to count as worked out.</summary>
    Genoemd,

    /// <summary>The plan works the label out: several passages, strong evidence, a heading or a concrete action.</summary>
    Uitgewerkt,
}

/// <summary>
/// Why a label (or a heatmap cell) has its status: the first part of the one status rule of
/// <see cref="CoverageOptions"/> that applied. Reports turn it into a sentence per cell.
/// </summary>
public enum StatusReason
{
    /// <summary>Afwezig: no passage carries it, not even a heading or a table row.</summary>
    NoPassage,

    /// <summary>Genoemd: only headings or table rows carry it, no passage of running text.</summary>
    OnlyHeadingsOrTableRows,

    /// <summary>Genoemd: running text carries it, but too little for any of the reasons below.</summary>
    FewPassages,

    /// <summary>Uitgewerkt: at least <see cref="CoverageOptions.ElaboratedMinPassages"/> passages of running text.</summary>
    ManyPassages,

    /// <summary>Uitgewerkt: a paragraph or list item under an action heading (BBC "Actie 2.3.1") carries it on its own words.</summary>
    ConcreteAction,

    /// <summary>Uitgewerkt: a heading's own text carries it, and running text does too.</summary>
    OwnHeading,

    /// <summary>Uitgewerkt: the scores over its running text add up to <see cref="CoverageOptions.ElaboratedMinStrength"/>.</summary>
    StrongEvidence,
}

/// <summary>
/// How many passages carry a label, by kind: running text (paragraphs and list items) is what
/// counts; headings and table rows (often budget lines) are counted apart.
/// </summary>
public sealed record PassageCounts
{
    public PassageCounts(int text, int headings, int tableRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(text);
        ArgumentOutOfRangeException.ThrowIfNegative(headings);
        ArgumentOutOfRangeException.ThrowIfNegative(tableRows);
        Text = text;
        Headings = headings;
        TableRows = tableRows;
    }

    public static PassageCounts None { get; } = new(0, 0, 0);

    /// <summary>Paragraphs and list items.</summary>
    public int Text { get; }
    public int Headings { get; }
    public int TableRows { get; }

    /// <summary>Every passage of any kind.</summary>
    public int Total => Text + Headings + TableRows;

    /// <summary>True for paragraphs and list items, the passages that count.</summary>
    public static bool IsRunningText(Passages.PassageKind kind) => kind is Passages.PassageKind.Paragraph or Passages.PassageKind.ListItem;
}

/// <summary>Facts about the plan a coverage is about.</summary>
public sealed record PlanInfo
{
    public PlanInfo(string title, string fileName, string? municipality, int? pageCount, string ruleSetVersion, long? documentId = null,
        IReadOnlyList<string>? warnings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(ruleSetVersion);
        if (pageCount is < 0) throw new ArgumentOutOfRangeException(nameof(pageCount), pageCount, "A page count is not negative.");
        Title = title;
        FileName = fileName;
        Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality;
        PageCount = pageCount;
        RuleSetVersion = ruleSetVersion;
        DocumentId = documentId;
        Warnings = warnings ?? [];
        if (Warnings.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("A warning has text.", nameof(warnings));
    }

    public string Title { get; }
    public string FileName { get; }
    public string? Municipality { get; }
    public int? PageCount { get; }

    /// <summary>The rule-set version that tagged the passages, so a report can say what made it.</summary>
    public string RuleSetVersion { get; }

    /// <summary>The store's id for the document, when it came from a store; null for a file analysed in memory.</summary>
    public long? DocumentId { get; }

    /// <summary>
    /// What reading the file warned about (pages past the page limit, pages without text): every
    /// report shows these in its header, because coverage is computed on what was read.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>NIS code (and so province), year and type, where known; comparisons filter and group by them.</summary>
    /// <remarks>Not part of the plan report's JSON (its property names are fixed); the comparison JSON writes them.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public PolicyLens.Documents.PlanFacts Facts { get; init; } = PolicyLens.Documents.PlanFacts.None;
}

/// <summary>How many passages of running text carry a label under one top-level heading (e.g. one beleidsdoelstelling).</summary>
public sealed record SectionHit
{
    public SectionHit(string heading, int passages)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(passages);
        Heading = heading;
        Passages = passages;
    }

    public string Heading { get; }
    public int Passages { get; }
}

/// <summary>The coverage of one label in one plan.</summary>
public sealed record LabelCoverage
{
    public LabelCoverage(LabelInfo label, PassageCounts counts, double strength, double share, CoverageStatus status, StatusReason reason,
        IReadOnlyList<int> passageOrdinals, IReadOnlyList<SectionHit> sections)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(passageOrdinals);
        ArgumentNullException.ThrowIfNull(sections);
        if (double.IsNaN(strength) || strength < 0) throw new ArgumentOutOfRangeException(nameof(strength), strength, "Strength is zero or positive.");
        if (double.IsNaN(share) || share is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(share), share, "A share lies between 0 and 1.");
        if (passageOrdinals.Count != counts.Total) throw new ArgumentException("One ordinal per passage of any kind.", nameof(passageOrdinals));
        StatusRule.Check(counts, status, reason);
        Label = label;
        Counts = counts;
        Strength = strength;
        Share = share;
        Status = status;
        Reason = reason;
        PassageOrdinals = passageOrdinals;
        Sections = sections;
    }

    public LabelInfo Label { get; }

    /// <summary>Passages of running text that carry the label: the number reports show.</summary>
    public int Passages => Counts.Text;

    /// <summary>The passages that carry the label by kind (running text, headings, table rows).</summary>
    public PassageCounts Counts { get; }

    /// <summary>Sum of the tag scores over the running text (each score is summed rule weight, ≥ the label's threshold).</summary>
    public double Strength { get; }

    /// <summary>Running-text passages with the label as a fraction of the plan's running-text passages.</summary>
    public double Share { get; }

    public CoverageStatus Status { get; }

    /// <summary>Which part of the status rule decided <see cref="Status"/>.</summary>
    public StatusReason Reason { get; }

    /// <summary>Ordinals of every passage that carries the label (headings and table rows too), in document order.</summary>
    public IReadOnlyList<int> PassageOrdinals { get; }

    /// <summary>Where its running text is: per top-level heading, in document order.</summary>
    public IReadOnlyList<SectionHit> Sections { get; }
}

/// <summary>
/// One cell of a two-dimensional coverage matrix: the passages carrying both labels, with a
/// status by the same rule as a label's (see <see cref="CoverageOptions"/>).
/// </summary>
public sealed record MatrixCell
{
    public MatrixCell(string rowLabel, string columnLabel, PassageCounts counts, double strength, CoverageStatus status, StatusReason reason,
        IReadOnlyList<int> passageOrdinals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rowLabel);
        ArgumentException.ThrowIfNullOrWhiteSpace(columnLabel);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(passageOrdinals);
        if (double.IsNaN(strength) || strength < 0) throw new ArgumentOutOfRangeException(nameof(strength));
        if (passageOrdinals.Count != counts.Total) throw new ArgumentException("One ordinal per passage of any kind.", nameof(passageOrdinals));
        StatusRule.Check(counts, status, reason);
        RowLabel = rowLabel;
        ColumnLabel = columnLabel;
        Counts = counts;
        Strength = strength;
        Status = status;
        Reason = reason;
        PassageOrdinals = passageOrdinals;
    }

    /// <summary>Id of the row label (e.g. an element).</summary>
    public string RowLabel { get; }

    /// <summary>Id of the column label (e.g. a prevention level).</summary>
    public string ColumnLabel { get; }

    /// <summary>Passages of running text with both labels: the number the heatmap shows.</summary>
    public int Passages => Counts.Text;

    /// <summary>The passages with both labels by kind.</summary>
    public PassageCounts Counts { get; }

    /// <summary>Sum of the row label's scores over the cell's running text.</summary>
    public double Strength { get; }
    public CoverageStatus Status { get; }
    public StatusReason Reason { get; }

    /// <summary>Every passage with both labels (headings and table rows too), in document order.</summary>
    public IReadOnlyList<int> PassageOrdinals { get; }
}

/// <summary>A label × label matrix, e.g. element × level. Every row × column pair has a cell (possibly empty).</summary>
public sealed record CoverageMatrix
{
    private readonly Dictionary<(string, string), MatrixCell> _index;

    public CoverageMatrix(string rowDimension, string columnDimension, IReadOnlyList<LabelInfo> rows,
        IReadOnlyList<LabelInfo> columns, IReadOnlyList<MatrixCell> cells)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rowDimension);
        ArgumentException.ThrowIfNullOrWhiteSpace(columnDimension);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(cells);
        if (rows.Any(r => r.Dimension != rowDimension)) throw new ArgumentException($"Every row is a label of '{rowDimension}'.", nameof(rows));
        if (columns.Any(c => c.Dimension != columnDimension)) throw new ArgumentException($"Every column is a label of '{columnDimension}'.", nameof(columns));
        _index = new Dictionary<(string, string), MatrixCell>(cells.Count);
        foreach (var cell in cells)
            if (!_index.TryAdd((cell.RowLabel, cell.ColumnLabel), cell))
                throw new ArgumentException($"Two cells for {cell.RowLabel} × {cell.ColumnLabel}.", nameof(cells));
        foreach (var row in rows)
            foreach (var column in columns)
                if (!_index.ContainsKey((row.Id, column.Id)))
                    throw new ArgumentException($"The cell {row.Id} × {column.Id} is missing.", nameof(cells));
        RowDimension = rowDimension;
        ColumnDimension = columnDimension;
        Rows = rows;
        Columns = columns;
        Cells = cells;
    }

    public string RowDimension { get; }
    public string ColumnDimension { get; }
    public IReadOnlyList<LabelInfo> Rows { get; }
    public IReadOnlyList<LabelInfo> Columns { get; }

    /// <summary>Row-major: all columns of the first row, then the next row.</summary>
    public IReadOnlyList<MatrixCell> Cells { get; }

    /// <summary>The cell for a row and column id; throws for ids that are not in the matrix.</summary>
    public MatrixCell Cell(string row, string column) =>
        _index.TryGetValue((row, column), out var cell) ? cell
            : throw new KeyNotFoundException($"No cell {row} × {column} in the {RowDimension} × {ColumnDimension} matrix.");
}

/// <summary>A label the plan misses or only mentions, with the rule data's suggestions.</summary>
public sealed record Gap
{
    public Gap(LabelInfo label, CoverageStatus status, IReadOnlyList<string> suggestedActions)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(suggestedActions);
        if (status == CoverageStatus.Uitgewerkt) throw new ArgumentException("A worked-out label is not a gap.", nameof(status));
        Label = label;
        Status = status;
        SuggestedActions = suggestedActions;
    }

    public LabelInfo Label { get; }
    public CoverageStatus Status { get; }
    public IReadOnlyList<string> SuggestedActions { get; }
}

/// <summary>
/// One top-level chapter of a plan for "social connection in all policies": the policy domains
/// it is about and the working elements it contributes to.
/// </summary>
public sealed record ChapterContribution
{
    public ChapterContribution(string heading, IReadOnlyList<string> domains, IReadOnlyList<string> elements, int passages)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentOutOfRangeException.ThrowIfNegative(passages);
        Heading = heading;
        Domains = domains;
        Elements = elements;
        Passages = passages;
    }

    public string Heading { get; }

    /// <summary>Domain ids, most frequent first.</summary>
    public IReadOnlyList<string> Domains { get; }

    /// <summary>Element ids found in the chapter, in framework order.</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>Text passages in the chapter.</summary>
    public int Passages { get; }

    public bool Contributes => Elements.Count > 0;
}

/// <summary>A node of the plan's heading tree (BD → AP → actie) with the labels found under it.</summary>
public sealed record OutlineNode
{
    public OutlineNode(string heading, int level, int? page, IReadOnlyList<string> labels, IReadOnlyList<OutlineNode> children)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(level);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(children);
        Heading = heading;
        Level = level;
        Page = page;
        Labels = labels;
        Children = children;
    }

    public string Heading { get; }

    /// <summary>1 for a top-level heading.</summary>
    public int Level { get; }
    public int? Page { get; }

    /// <summary>Label keys ("element:gemeenschapszin", see <see cref="LabelKeys"/>) found in the node's heading or anywhere under it.</summary>
    public IReadOnlyList<string> Labels { get; }
    public IReadOnlyList<OutlineNode> Children { get; }
}

/// <summary>
/// Label ids repeat across dimensions (onderwijs is a domain and a focus area), so places that
/// mix dimensions name a label as "dimension:id".
/// </summary>
public static class LabelKeys
{
    public static string Of(string dimension, string id) => dimension + ":" + id;

    public static string Of(LabelInfo label) => Of(label.Dimension, label.Id);

    /// <summary>Splits "dimension:id"; a key without a dimension gives a null dimension.</summary>
    public static (string? Dimension, string Id) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (null, key) : (key[..colon], key[(colon + 1)..]);
    }
}

using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>
/// A plan's report as the renderers show it: everything already in Dutch display form (names,
/// statuses, heading paths), so Markdown, HTML, JSON and DOCX say the same. Built by
/// <see cref="PlanReportBuilder"/> from a <see cref="PlanCoverage"/>.
/// </summary>
public sealed record PlanReport
{
    public PlanReport(PlanInfo plan, ReportSummary summary, IReadOnlyList<ReportDimension> dimensions,
        IReadOnlyList<ReportMatrix> matrices, IReadOnlyList<ReportGap> gaps, IReadOnlyList<ReportCheck> checks,
        IReadOnlyList<ReportChapter> chapters, IReadOnlyList<ReportOutlineNode> outline, IReadOnlyList<LabelEvidence> evidence,
        ReportAdvice? advice = null, IReadOnlyList<string>? statusRule = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(matrices);
        ArgumentNullException.ThrowIfNull(gaps);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(evidence);
        Plan = plan;
        Summary = summary;
        Dimensions = dimensions;
        Matrices = matrices;
        Gaps = gaps;
        Checks = checks;
        Chapters = chapters;
        Outline = outline;
        Evidence = evidence;
        Advice = advice ?? new ReportAdvice([], [], [], [], []);
        StatusRule = statusRule ?? ReportText.StatusRule(new CoverageOptions());
    }

    public PlanInfo Plan { get; }
    public ReportSummary Summary { get; }

    /// <summary>Coverage tables, one per dimension, in display order.</summary>
    public IReadOnlyList<ReportDimension> Dimensions { get; }

    /// <summary>Element × level and element × type.</summary>
    public IReadOnlyList<ReportMatrix> Matrices { get; }
    public IReadOnlyList<ReportGap> Gaps { get; }

    /// <summary>The plan checks as a checklist, in the checker's order (passed ones included).</summary>
    public IReadOnlyList<ReportCheck> Checks { get; }
    public IReadOnlyList<ReportChapter> Chapters { get; }
    public IReadOnlyList<ReportOutlineNode> Outline { get; }

    /// <summary>The strongest passages per covered label, for the labels of the evidence dimensions.</summary>
    public IReadOnlyList<LabelEvidence> Evidence { get; }

    /// <summary>The summary in plain Dutch, to paste into an advice.</summary>
    public ReportAdvice Advice { get; }

    /// <summary>The status rule in Dutch, one sentence per status and one on what is counted: the legend of every table.</summary>
    public IReadOnlyList<string> StatusRule { get; }
}

/// <summary>
/// The summary an advisor can paste into an advice: <see cref="Paragraphs"/> in plain Dutch, and
/// the lists they were written from (display names), for pages that show them as lists.
/// </summary>
public sealed record ReportAdvice(
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> WorkedOut,
    IReadOnlyList<string> Thin,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> FailingChecks)
{
    /// <summary>The paragraphs as one text, separated by blank lines.</summary>
    public string Text => string.Join("\n\n", Paragraphs);
}

/// <summary>The numbers a reader sees first.</summary>
public sealed record ReportSummary(
    int Passages,
    int? Pages,
    int ElementCount,
    int ElementsElaborated,
    int ElementsMentioned,
    int ElementsAbsent,
    IReadOnlyList<string> StrongestElements,
    int Gaps,
    int Warnings,
    int Checks,
    int ChecksFailed,
    string RuleSetVersion)
{
    /// <summary>The plan's passages by kind; <see cref="Passages"/> counts them all.</summary>
    public PassageCounts PassageKinds { get; init; } = PassageCounts.None;
}

/// <summary>One dimension's coverage table.</summary>
public sealed record ReportDimension(string Dimension, string Title, IReadOnlyList<ReportLabelRow> Rows);

/// <summary>One row of a coverage table.</summary>
public sealed record ReportLabelRow(
    string Key,
    string Id,
    string Name,
    CoverageStatus Status,
    string StatusText,
    int Passages,
    double Strength,
    double Share,
    IReadOnlyList<SectionHit> Sections)
{
    /// <summary>All passages with the label by kind; <see cref="Passages"/> is the running text.</summary>
    public PassageCounts Counts { get; init; } = new(Passages, 0, 0);
    public StatusReason Reason { get; init; }

    /// <summary>Why the label has its status, in one Dutch sentence.</summary>
    public string Explanation { get; init; } = "";
}

/// <summary>One heatmap cell (or row total) with its status and why.</summary>
public sealed record ReportCell(PassageCounts Counts, CoverageStatus Status, string StatusText, string Explanation)
{
    /// <summary>Passages of running text: the number shown.</summary>
    public int Passages => Counts.Text;

    /// <summary>The reason in a few words, for the cell itself (the full sentence is <see cref="Explanation"/>).</summary>
    public string ShortReason { get; init; } = "";
}

/// <summary>A label × label matrix with display names and passage counts.</summary>
public sealed record ReportMatrix(
    string Title,
    string RowDimension,
    string ColumnDimension,
    IReadOnlyList<string> RowNames,
    IReadOnlyList<string> ColumnNames,
    IReadOnlyList<IReadOnlyList<int>> Passages)
{
    /// <summary>Row ids (e.g. element ids), aligned with <see cref="RowNames"/>.</summary>
    public IReadOnlyList<string> RowIds { get; init; } = [];

    /// <summary>Column ids, aligned with <see cref="ColumnNames"/>.</summary>
    public IReadOnlyList<string> ColumnIds { get; init; } = [];

    /// <summary>The cells with status and explanation, row by row; empty for a matrix built without them.</summary>
    public IReadOnlyList<IReadOnlyList<ReportCell>> Cells { get; init; } = [];

    /// <summary>Per row: the row label over the whole plan (its own count and status), which is not the sum of the row's cells.</summary>
    public IReadOnlyList<ReportCell> RowTotals { get; init; } = [];
}

/// <summary>A gap with the label's description and suggested actions.</summary>
public sealed record ReportGap(
    string Key,
    string Dimension,
    string DimensionTitle,
    string Name,
    string Description,
    CoverageStatus Status,
    string StatusText,
    IReadOnlyList<string> SuggestedActions)
{
    /// <summary>
    /// What to do, in Dutch: add the label (absent) or deepen what the plan already says
    /// (mentioned); the suggested actions follow as examples.
    /// </summary>
    public string Advice { get; init; } = "";

    /// <summary>True for a label the plan mentions: the advice is to deepen it, not to introduce it.</summary>
    public bool Deepen => Status == CoverageStatus.Genoemd;
}

/// <summary>
/// One plan check as a checklist item: <c>status</c> is in-orde, waarschuwing, aandacht, info,
/// niet-van-toepassing or fout; <c>message</c> is what was found in this plan, <c>explanation</c>
/// why the check matters; <c>passages</c> the evidence.
/// </summary>
public sealed record ReportCheck(
    string Id,
    string Title,
    CheckStatus Status,
    string StatusText,
    CheckSeverity Severity,
    string Message,
    string Explanation,
    IReadOnlyList<PassageRef> Passages)
{
    public bool Failed => Status.IsFailure();
}

/// <summary>A top-level chapter with the names of its policy domains and the working elements it contributes to.</summary>
public sealed record ReportChapter(string Heading, IReadOnlyList<string> Domains, IReadOnlyList<string> Elements, int Passages)
{
    public bool Contributes => Elements.Count > 0;
}

/// <summary>Where a passage stands: ordinal, page and heading path.</summary>
public sealed record PassageRef(int Ordinal, int? Page, string HeadingPath);

/// <summary>A heading of the plan with the element names found under it.</summary>
public sealed record ReportOutlineNode(string Heading, int Level, int? Page, IReadOnlyList<string> Elements, IReadOnlyList<ReportOutlineNode> Children);

/// <summary>The evidence for one label: its strongest passages.</summary>
public sealed record LabelEvidence(string Key, string Dimension, string Name, CoverageStatus Status, int TotalPassages, IReadOnlyList<EvidencePassage> Passages)
{
    /// <summary>The label's passages by kind; <see cref="TotalPassages"/> counts them all.</summary>
    public PassageCounts Counts { get; init; } = new(TotalPassages, 0, 0);
}

/// <summary>
/// One passage shown as evidence: its text, where it stands, the tag score, the matched spans in
/// the text (non-overlapping, in order) and every matched term, also those found in headings.
/// </summary>
public sealed record EvidencePassage(
    int Ordinal,
    int? Page,
    string HeadingPath,
    string Text,
    double Score,
    IReadOnlyList<TextSpan> Spans,
    IReadOnlyList<string> MatchedTerms)
{
    /// <summary>Paragraph, list item, heading or table row: renderers mark headings and table rows as such.</summary>
    public Passages.PassageKind Kind { get; init; } = Passages.PassageKind.Paragraph;
}

/// <summary>A character range in a passage's text.</summary>
public sealed record TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

using PolicyLens.Coverage;
using PolicyLens.Passages;
using PolicyLens.Tagging;

namespace PolicyLens.Report;

/// <summary>Options for <see cref="PlanReportBuilder"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>Dimensions shown as coverage tables, in this order. Default: all of them.</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = LabelCatalog.Dimensions;

    /// <summary>
    /// Dimensions whose labels get an evidence section. Default: elements, types, levels and focus
    /// fields — what an advisor checks; age, risk and domain tags would make the report a listing.
    /// </summary>
    public IReadOnlyList<string> EvidenceDimensions { get; init; } = ["element", "type", "level", "focus"];

    /// <summary>Passages shown per label (the strongest, then in document order). Default 5.</summary>
    public int MaxEvidencePerLabel { get; init; } = 5;

    /// <summary>Element names listed for the strongest elements in the summary. Default 3.</summary>
    public int StrongestElements { get; init; } = 3;

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dimensions, nameof(Dimensions));
        ArgumentNullException.ThrowIfNull(EvidenceDimensions, nameof(EvidenceDimensions));
        if (MaxEvidencePerLabel < 1) throw new ArgumentOutOfRangeException(nameof(MaxEvidencePerLabel), MaxEvidencePerLabel, "Show at least one passage.");
        if (StrongestElements < 0) throw new ArgumentOutOfRangeException(nameof(StrongestElements), StrongestElements, "Not negative.");
    }
}

/// <summary>Turns a plan's coverage into its report.</summary>
public interface IPlanReportBuilder
{
    PlanReport Build(PlanCoverage coverage);
}

/// <summary>The default report builder.</summary>
public sealed class PlanReportBuilder : IPlanReportBuilder
{
    private readonly ReportOptions _options;

    public PlanReportBuilder(ReportOptions? options = null)
    {
        _options = options ?? new ReportOptions();
        _options.Validate();
    }

    public PlanReport Build(PlanCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var elements = coverage.For("element");
        var summary = new ReportSummary(
            coverage.Passages.Count,
            coverage.Plan.PageCount,
            elements.Count,
            elements.Count(e => e.Status == CoverageStatus.Uitgewerkt),
            elements.Count(e => e.Status == CoverageStatus.Genoemd),
            elements.Count(e => e.Status == CoverageStatus.Afwezig),
            [.. elements.Where(e => e.Passages > 0).OrderByDescending(e => e.Strength).Take(_options.StrongestElements).Select(e => e.Label.Name)],
            coverage.Gaps.Count,
            coverage.Checks.Count(c => c.Status == CheckStatus.Waarschuwing),
            coverage.Checks.Count,
            coverage.Checks.Count(c => c.Failed),
            coverage.Plan.RuleSetVersion);

        var dimensions = _options.Dimensions
            .Select(d => (Dimension: d, Rows: coverage.For(d)))
            .Where(d => d.Rows.Count > 0)
            .Select(d => new ReportDimension(d.Dimension, ReportText.Dimension(d.Dimension), [.. d.Rows.Select(Row)]))
            .ToArray();

        var matrices = new[] { Matrix("Werkzame elementen × preventieniveau", coverage.ElementByLevel), Matrix("Werkzame elementen × soort eenzaamheid", coverage.ElementByType) };
        var gaps = coverage.Gaps.Select(g => new ReportGap(LabelKeys.Of(g.Label), g.Label.Dimension, ReportText.Dimension(g.Label.Dimension),
            g.Label.Name, g.Label.Description, g.Status, ReportText.Status(g.Status), g.SuggestedActions)).ToArray();
        var checks = coverage.Checks.Select(c => new ReportCheck(c.Id, c.Check.Title, c.Status, ReportText.CheckStatus(c.Status), c.Check.Severity,
            c.Message, c.Check.Explanation,
            [.. c.PassageOrdinals.Select(o => coverage.Passage(o)).OfType<TaggedPassage>().Select(p => Ref(p.Passage))])).ToArray();
        var names = coverage.Labels.ToDictionary(l => LabelKeys.Of(l.Label), l => l.Label.Name, StringComparer.Ordinal);
        var outline = coverage.Outline.Select(n => Outline(n, names)).ToArray();
        var chapters = coverage.Chapters.Select(c => new ReportChapter(c.Heading,
            [.. c.Domains.Select(d => names.GetValueOrDefault(LabelKeys.Of("domain", d), d))],
            [.. c.Elements.Select(e => names.GetValueOrDefault(LabelKeys.Of("element", e), e))], c.Passages)).ToArray();
        var evidence = _options.EvidenceDimensions
            .SelectMany(coverage.For)
            .Where(l => l.Passages > 0)
            .Select(l => Evidence(coverage, l))
            .ToArray();
        return new PlanReport(coverage.Plan, summary, dimensions, matrices, gaps, checks, chapters, outline, evidence);
    }

    private static ReportLabelRow Row(LabelCoverage c) =>
        new(LabelKeys.Of(c.Label), c.Label.Id, c.Label.Name, c.Status, ReportText.Status(c.Status), c.Passages, c.Strength, c.Share, c.Sections);

    private static ReportMatrix Matrix(string title, CoverageMatrix matrix) =>
        new(title, matrix.RowDimension, matrix.ColumnDimension,
            [.. matrix.Rows.Select(r => r.Name)], [.. matrix.Columns.Select(c => c.Name)],
            [.. matrix.Rows.Select(r => (IReadOnlyList<int>)[.. matrix.Columns.Select(c => matrix.Cell(r.Id, c.Id).Passages)])]);

    private static ReportOutlineNode Outline(OutlineNode node, Dictionary<string, string> names) =>
        new(node.Heading, node.Level, node.Page,
            [.. node.Labels.Where(k => k.StartsWith("element:", StringComparison.Ordinal)).Select(k => names.GetValueOrDefault(k, k))],
            [.. node.Children.Select(c => Outline(c, names))]);

    internal static PassageRef Ref(Passage passage) => new(passage.Ordinal, passage.Page, HeadingPath(passage));

    /// <summary>"BD 1 … › AP 1.1 …"; a heading passage's path ends with the heading itself.</summary>
    public static string HeadingPath(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        IEnumerable<string> path = passage.Kind == PassageKind.Heading ? [.. passage.Headings, passage.Text] : passage.Headings;
        return string.Join(" › ", path);
    }

    private LabelEvidence Evidence(PlanCoverage coverage, LabelCoverage label)
    {
        var shown = label.PassageOrdinals
            .Select(o => coverage.Passage(o))
            .OfType<TaggedPassage>()
            .Select(p => (Passage: p, Tag: p.Tags.First(t => t.Dimension == label.Label.Dimension && t.Label == label.Label.Id)))
            .OrderByDescending(x => x.Tag.Score)
            .ThenBy(x => x.Passage.Passage.Ordinal)
            .Take(_options.MaxEvidencePerLabel)
            .OrderBy(x => x.Passage.Passage.Ordinal)
            .Select(x => EvidencePassage(x.Passage.Passage, x.Tag))
            .ToArray();
        return new LabelEvidence(LabelKeys.Of(label.Label), label.Label.Dimension, label.Label.Name, label.Status, label.Passages, shown);
    }

    /// <summary>The passage as evidence for one tag: merged spans of the evidence found in its own text.</summary>
    public static EvidencePassage EvidencePassage(Passage passage, PassageTag tag)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(tag);
        return new EvidencePassage(passage.Ordinal, passage.Page, HeadingPath(passage), passage.Text, tag.Score,
            Spans(passage.Text.Length, tag.Evidence),
            [.. tag.Evidence.Select(e => e.MatchedText).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>Evidence spans inside the text, sorted and merged where they overlap or touch.</summary>
    public static IReadOnlyList<TextSpan> Spans(int textLength, IEnumerable<Evidence> evidence)
    {
        var ranges = evidence
            .Where(e => e.Source == EvidenceSource.Passage && e.Start < textLength)
            .Select(e => (Start: e.Start, End: Math.Min(e.End, textLength)))
            .OrderBy(r => r.Start).ThenBy(r => r.End)
            .ToList();
        var merged = new List<TextSpan>();
        foreach (var (start, end) in ranges)
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                var last = merged[^1];
                if (end > last.End) merged[^1] = new TextSpan(last.Start, end - last.Start);
                continue;
            }
            merged.Add(new TextSpan(start, end - start));
        }
        return merged;
    }
}

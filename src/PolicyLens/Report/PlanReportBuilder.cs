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
            coverage.Plan.RuleSetVersion) { PassageKinds = coverage.PassageKinds };

        var dimensions = _options.Dimensions
            .Select(d => (Dimension: d, Rows: coverage.For(d)))
            .Where(d => d.Rows.Count > 0)
            .Select(d => new ReportDimension(d.Dimension, ReportText.Dimension(d.Dimension), [.. d.Rows.Select(r => Row(r, coverage.Options))]))
            .ToArray();

        var matrices = new[]
        {
            Matrix("Werkzame elementen × preventieniveau", coverage.ElementByLevel, coverage),
            Matrix("Werkzame elementen × soort eenzaamheid", coverage.ElementByType, coverage),
        };
        var gaps = coverage.Gaps.Select(g =>
        {
            var label = coverage.Label(g.Label.Dimension, g.Label.Id);
            return new ReportGap(LabelKeys.Of(g.Label), g.Label.Dimension, ReportText.Dimension(g.Label.Dimension),
                g.Label.Name, g.Label.Description, g.Status, ReportText.Status(g.Status), g.SuggestedActions)
            {
                Advice = ReportText.GapAdvice(g.Label.Name, g.Status, label?.Counts ?? PassageCounts.None, label?.Sections ?? []),
            };
        }).ToArray();
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
            .Where(l => l.PassageOrdinals.Count > 0)
            .Select(l => Evidence(coverage, l))
            .ToArray();
        return new PlanReport(coverage.Plan, summary, dimensions, matrices, gaps, checks, chapters, outline, evidence,
            Advice(coverage), ReportText.StatusRule(coverage.Options));
    }

    private static ReportLabelRow Row(LabelCoverage c, CoverageOptions options) =>
        new(LabelKeys.Of(c.Label), c.Label.Id, c.Label.Name, c.Status, ReportText.Status(c.Status), c.Passages, c.Strength, c.Share, c.Sections)
        {
            Counts = c.Counts,
            Reason = c.Reason,
            Explanation = ReportText.Explain(c.Status, c.Reason, c.Counts, c.Strength, options),
        };

    private static ReportMatrix Matrix(string title, CoverageMatrix matrix, PlanCoverage coverage) =>
        new(title, matrix.RowDimension, matrix.ColumnDimension,
            [.. matrix.Rows.Select(r => r.Name)], [.. matrix.Columns.Select(c => c.Name)],
            [.. matrix.Rows.Select(r => (IReadOnlyList<int>)[.. matrix.Columns.Select(c => matrix.Cell(r.Id, c.Id).Passages)])])
        {
            RowIds = [.. matrix.Rows.Select(r => r.Id)],
            ColumnIds = [.. matrix.Columns.Select(c => c.Id)],
            Cells = [.. matrix.Rows.Select(r => (IReadOnlyList<ReportCell>)[.. matrix.Columns.Select(c => Cell(matrix.Cell(r.Id, c.Id), coverage.Options))])],
            RowTotals = [.. matrix.Rows.Select(r => coverage.Label(r.Dimension, r.Id) is { } l
                ? Cell(l.Counts, l.Status, l.Reason, l.Strength, coverage.Options)
                : Cell(PassageCounts.None, CoverageStatus.Afwezig, StatusReason.NoPassage, 0, coverage.Options))],
        };

    private static ReportCell Cell(MatrixCell cell, CoverageOptions options) => Cell(cell.Counts, cell.Status, cell.Reason, cell.Strength, options);

    private static ReportCell Cell(PassageCounts counts, CoverageStatus status, StatusReason reason, double strength, CoverageOptions options) =>
        new(counts, status, ReportText.Status(status), ReportText.Explain(status, reason, counts, strength, options))
        {
            ShortReason = ReportText.ShortReason(reason, options),
        };

    /// <summary>
    /// The summary in plain Dutch: which working elements the plan works out, mentions and
    /// misses, how it treats the loneliness types and prevention levels, and which checks warn.
    /// </summary>
    public static ReportAdvice Advice(PlanCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var elements = coverage.For("element");
        IReadOnlyList<string> Names(IEnumerable<LabelCoverage> labels, CoverageStatus status) => [.. labels.Where(l => l.Status == status).Select(l => l.Label.Name)];
        var worked = Names(elements, CoverageStatus.Uitgewerkt);
        var thin = Names(elements, CoverageStatus.Genoemd);
        var missing = Names(elements, CoverageStatus.Afwezig);
        // Warnings first: they are the shortcomings the framework names, the rest are points of attention.
        var failing = coverage.Checks.Where(c => c.Failed).OrderBy(c => c.Status).Select(c => c.Check.Title).ToArray();

        var subject = $"Het plan ‘{coverage.Plan.Title}’" + (coverage.Plan.Municipality is { } m ? $" van {m}" : "");
        var first = worked.Count == 0
            ? $"{subject} werkt geen van de {elements.Count} werkzame elementen tegen eenzaamheid uit."
            : $"{subject} werkt {worked.Count} van de {elements.Count} werkzame elementen tegen eenzaamheid uit: {ReportText.List(worked)}.";
        if (thin.Count > 0) first += $" {ReportText.Capitalize(ReportText.List(thin))} {(thin.Count == 1 ? "wordt" : "worden")} genoemd, maar niet uitgewerkt.";
        first += missing.Count == 0 ? " Alle werkzame elementen komen aan bod." : $" Niet aan bod {(missing.Count == 1 ? "komt" : "komen")}: {ReportText.List(missing)}.";

        var second = string.Join(" ", new[] { ("type", "de soorten eenzaamheid"), ("level", "de preventieniveaus") }
            .Select(d => DimensionSentence(d.Item2, coverage.For(d.Item1)))
            .Where(t => t.Length > 0));

        var applicable = coverage.Checks.Count(c => c.Status != CheckStatus.NietVanToepassing);
        var third = applicable == 0 ? ""
            : failing.Length == 0 ? (applicable == 1 ? "Het plan doorstaat de controle op het kader die erop van toepassing is."
                : $"Het plan doorstaat alle {applicable} controles op het kader die erop van toepassing zijn.")
            : (failing.Length == applicable ? (applicable == 1 ? "De controle op het kader slaagt niet" : $"Geen van de {applicable} controles op het kader slaagt")
                : $"{failing.Length} van de {applicable} controles op het kader {(failing.Length == 1 ? "slaagt" : "slagen")} niet")
              + $": {string.Join("; ", failing.Select(LowerFirst))}.";

        return new ReportAdvice([.. new[] { first, second, third }.Where(p => p.Length > 0)], worked, thin, missing, failing);
    }

    /// <summary>"Van de soorten eenzaamheid is sociale eenzaamheid uitgewerkt, wordt … genoemd en ontbreken …".</summary>
    private static string DimensionSentence(string title, IReadOnlyList<LabelCoverage> labels)
    {
        if (labels.Count == 0) return "";
        var parts = new List<string>();
        foreach (var status in new[] { CoverageStatus.Uitgewerkt, CoverageStatus.Genoemd, CoverageStatus.Afwezig })
        {
            var names = labels.Where(l => l.Status == status).Select(l => l.Label.Name).ToArray();
            if (names.Length == 0) continue;
            var one = names.Length == 1;
            parts.Add(status switch
            {
                CoverageStatus.Uitgewerkt => $"{(one ? "is" : "zijn")} {ReportText.List(names)} uitgewerkt",
                CoverageStatus.Genoemd => $"{(one ? "wordt" : "worden")} {ReportText.List(names)} genoemd",
                _ => $"{(one ? "ontbreekt" : "ontbreken")} {ReportText.List(names)}",
            });
        }
        return $"Van {title} {ReportText.List(parts)}.";
    }

    // A check title starts a sentence on its own; inside a list it continues one.
    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLower(text[0], ReportText.Culture) + text[1..] : text;

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
        // Running text first: a heading or a budget line rarely shows what the plan does.
        var shown = label.PassageOrdinals
            .Select(o => coverage.Passage(o))
            .OfType<TaggedPassage>()
            .Select(p => (Passage: p, Tag: p.Tags.First(t => t.Dimension == label.Label.Dimension && t.Label == label.Label.Id)))
            .OrderBy(x => PassageCounts.IsRunningText(x.Passage.Passage.Kind) ? 0 : 1)
            .ThenByDescending(x => x.Tag.Score)
            .ThenBy(x => x.Passage.Passage.Ordinal)
            .Take(_options.MaxEvidencePerLabel)
            .OrderBy(x => x.Passage.Passage.Ordinal)
            .Select(x => EvidencePassage(x.Passage.Passage, x.Tag))
            .ToArray();
        return new LabelEvidence(LabelKeys.Of(label.Label), label.Label.Dimension, label.Label.Name, label.Status, label.PassageOrdinals.Count, shown)
        {
            Counts = label.Counts,
        };
    }

    /// <summary>The passage as evidence for one tag: merged spans of the evidence found in its own text.</summary>
    public static EvidencePassage EvidencePassage(Passage passage, PassageTag tag)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(tag);
        return new EvidencePassage(passage.Ordinal, passage.Page, HeadingPath(passage), passage.Text, tag.Score,
            Spans(passage.Text.Length, tag.Evidence),
            [.. tag.Evidence.Select(e => e.MatchedText).Distinct(StringComparer.OrdinalIgnoreCase)]) { Kind = passage.Kind };
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

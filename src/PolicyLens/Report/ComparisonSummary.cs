using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>One label across the compared plans, for the comparison report.</summary>
public sealed record LabelFinding(string Key, string Name, int Absent, int Mentioned, int Elaborated, int PlanCount)
{
    public double AbsentShare => PlanCount == 0 ? 0 : (double)Absent / PlanCount;
    public double ElaboratedShare => PlanCount == 0 ? 0 : (double)Elaborated / PlanCount;
}

/// <summary>One check across the compared plans.</summary>
public sealed record CheckFinding(string Id, string Title, int Failed, int NotApplicable, int PlanCount)
{
    public double FailedShare => PlanCount == 0 ? 0 : (double)Failed / PlanCount;
}

/// <summary>Plans of one province and how many working elements they cover on average.</summary>
public sealed record ProvinceFinding(string Province, int Plans, double MeanElementsCovered, double MeanElementsElaborated);

/// <summary>One plan's row in the report: its facts and per working element its status.</summary>
public sealed record PlanRowFinding(string Title, string? Municipality, string? Province, int? Year, IReadOnlyList<CoverageStatus> Elements,
    int Covered, int Elaborated, IReadOnlyList<string> FailedChecks);

/// <summary>A label dimension in the report (other than the working elements): its labels across the plans.</summary>
public sealed record DimensionFinding(string Dimension, string Title, IReadOnlyList<LabelFinding> Labels);

/// <summary>
/// The headline findings of a comparison for a consultant's report: which working elements most
/// plans miss, which are rarely worked out, which checks fail most, how many elements plans
/// cover (distribution), per province, and the plans one by one. Built from a
/// <see cref="ComparisonReport"/> by <see cref="ComparisonSummaryBuilder"/>; the Markdown, HTML
/// and DOCX comparison renderers all write this one model.
/// </summary>
public sealed record ComparisonSummary(
    int PlanCount,
    int MunicipalityCount,
    IReadOnlyList<string> Headlines,
    IReadOnlyList<LabelFinding> Elements,
    IReadOnlyList<CheckFinding> Checks,
    IReadOnlyList<int> ElementsCoveredDistribution,
    IReadOnlyList<ProvinceFinding> Provinces,
    IReadOnlyList<DimensionFinding> OtherDimensions,
    IReadOnlyList<PlanRowFinding> Plans,
    IReadOnlyList<string> ElementNames,
    string RuleSetVersions);

/// <summary>Builds the <see cref="ComparisonSummary"/> of a comparison.</summary>
public static class ComparisonSummaryBuilder
{
    /// <summary>How many of the most-missed elements and most-failed checks the headlines name.</summary>
    public const int HeadlineCount = 3;

    /// <summary>Dimensions listed after the elements (the gap dimensions a plan should address).</summary>
    public static IReadOnlyList<string> OtherDimensions { get; } = ["type", "level", "focus", "approach"];

    public static ComparisonSummary Build(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var comparison = report.Comparison;
        var stats = new ComparisonStatistics(comparison);
        var checks = CheckTable.From(report.Plans);
        var n = comparison.Plans.Count;

        LabelFinding Finding(LabelStatusCounts c) => new(LabelKeys.Of(c.Label), c.Label.Name, c.Absent, c.Mentioned, c.Elaborated, c.Total);
        var elements = stats.For("element").Select(Finding).ToList();
        var checkFindings = checks.Checks.Select((c, i) => new CheckFinding(c.Id, c.Title, checks.Failing(i),
            Enumerable.Range(0, n).Count(p => checks.Result(p, i) is CheckStatus.NietVanToepassing or CheckStatus.Fout), n)).ToList();

        var elementCount = elements.Count;
        var distribution = new int[elementCount + 1];
        var rows = new List<PlanRowFinding>(n);
        for (var p = 0; p < n; p++)
        {
            var score = stats.Score(p, "element");
            distribution[Math.Min(score.Covered, elementCount)]++;
            var plan = comparison.Plans[p];
            rows.Add(new PlanRowFinding(plan.Title, plan.Municipality, plan.Facts.Province, plan.Facts.Year,
                [.. comparison.For("element").Select(x => comparison.Cell(p, x.Index).Status)], score.Covered, score.Elaborated,
                [.. checks.Checks.Where((_, i) => checks.Failed(p, i)).Select(c => c.Title)]));
        }
        rows.Sort((a, b) => string.Compare(a.Municipality ?? a.Title, b.Municipality ?? b.Title, ReportText.Culture, System.Globalization.CompareOptions.IgnoreCase));

        var provinces = rows.Where(r => r.Province is not null).GroupBy(r => r.Province!)
            .Select(g => new ProvinceFinding(g.Key, g.Count(), g.Average(r => r.Covered), g.Average(r => r.Elaborated)))
            .OrderByDescending(p => p.Plans).ThenBy(p => p.Province, StringComparer.Ordinal).ToList();
        var others = OtherDimensions.Where(d => comparison.Labels.Any(l => l.Dimension == d))
            .Select(d => new DimensionFinding(d, ReportText.Dimension(d), [.. stats.For(d).Select(Finding)])).ToList();

        return new ComparisonSummary(n, rows.Select(r => r.Municipality).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            Headlines(n, elements, checkFindings, distribution), elements, [.. checkFindings.OrderByDescending(c => c.Failed).ThenBy(c => c.Title, StringComparer.Ordinal)],
            distribution, provinces, others, rows, [.. elements.Select(e => e.Name)],
            string.Join(", ", comparison.Plans.Select(p => p.RuleSetVersion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
    }

    private static List<string> Headlines(int n, List<LabelFinding> elements, List<CheckFinding> checks, int[] distribution)
    {
        var lines = new List<string>();
        if (n == 0 || elements.Count == 0) return lines;
        string Of(int count) => $"{count} van de {n} {(n == 1 ? "plan" : "plannen")}";
        var missed = elements.OrderByDescending(e => e.Absent).ThenBy(e => e.Name, StringComparer.Ordinal).Take(HeadlineCount).Where(e => e.Absent > 0).ToList();
        if (missed.Count > 0)
            lines.Add("Het vaakst ontbrekend: " + string.Join("; ", missed.Select(e => $"{e.Name} (afwezig in {Of(e.Absent)}, {ReportText.Percent(e.AbsentShare)})")) + ".");
        var rare = elements.Where(e => e.Elaborated * 10 < n).OrderBy(e => e.Elaborated).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        if (rare.Count > 0)
            lines.Add($"Zelden uitgewerkt (in minder dan 10% van de plannen): {string.Join(", ", rare.Select(e => $"{e.Name} ({e.Elaborated})"))}.");
        var best = elements.OrderByDescending(e => e.Elaborated).ThenBy(e => e.Name, StringComparer.Ordinal).First();
        if (best.Elaborated > 0) lines.Add($"Het vaakst uitgewerkt: {best.Name} ({Of(best.Elaborated)}).");
        var none = distribution[0];
        var median = Median(distribution);
        lines.Add($"De helft van de plannen dekt {median} of meer van de {elements.Count} werkzame elementen; {Of(none)} {(none == 1 ? "dekt" : "dekken")} er geen enkel.");
        var failing = checks.Where(c => c.Failed > 0).OrderByDescending(c => c.Failed).ThenBy(c => c.Title, StringComparer.Ordinal).Take(HeadlineCount).ToList();
        if (failing.Count > 0)
            lines.Add("Vaakst niet gehaald: " + string.Join("; ", failing.Select(c => $"{c.Title} ({Of(c.Failed)})")) + ".");
        else if (checks.Count > 0)
            lines.Add("Geen enkel plan haalt een controle niet.");
        return lines;
    }

    /// <summary>The median number of elements covered: the smallest k with at least half the plans at or below it.</summary>
    private static int Median(int[] distribution)
    {
        var total = distribution.Sum();
        var seen = 0;
        for (var k = 0; k < distribution.Length; k++)
        {
            seen += distribution[k];
            if (seen * 2 >= total) return k;
        }
        return distribution.Length - 1;
    }
}

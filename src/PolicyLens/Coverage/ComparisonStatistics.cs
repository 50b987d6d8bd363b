using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>How many of the counted plans have a label absent, mentioned and worked out.</summary>
public sealed record LabelStatusCounts
{
    public LabelStatusCounts(LabelInfo label, int absent, int mentioned, int elaborated)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegative(absent);
        ArgumentOutOfRangeException.ThrowIfNegative(mentioned);
        ArgumentOutOfRangeException.ThrowIfNegative(elaborated);
        Label = label;
        Absent = absent;
        Mentioned = mentioned;
        Elaborated = elaborated;
    }

    public LabelInfo Label { get; }
    public int Absent { get; }
    public int Mentioned { get; }
    public int Elaborated { get; }
    public int Total => Absent + Mentioned + Elaborated;

    /// <summary>Plans with the label at least mentioned.</summary>
    public int Covering => Mentioned + Elaborated;

    public int Count(CoverageStatus status) => status switch
    {
        CoverageStatus.Uitgewerkt => Elaborated,
        CoverageStatus.Genoemd => Mentioned,
        _ => Absent,
    };

    /// <summary>Share of the counted plans with this status; 0 when none are counted.</summary>
    public double Share(CoverageStatus status) => Total == 0 ? 0 : (double)Count(status) / Total;
}

/// <summary>A plan's score in one dimension: labels covered (at least mentioned) and, of those, worked out.</summary>
public readonly record struct DimensionScore(int Covered, int Elaborated, int Labels) : IComparable<DimensionScore>
{
    /// <summary>More labels covered is better; among equals, more worked out.</summary>
    public int CompareTo(DimensionScore other) => Covered != other.Covered ? Covered.CompareTo(other.Covered) : Elaborated.CompareTo(other.Elaborated);
}

/// <summary>Where one plan stands among the counted plans in one dimension: "beter dan 180 van de 245 gemeenten".</summary>
public sealed record PlanStanding(int Plan, string Dimension, DimensionScore Score, int Better, int Equal, int Worse)
{
    /// <summary>All counted plans, this one included.</summary>
    public int Total => Better + Equal + Worse;

    /// <summary>Place in the order, best first; ties share the better place (1 = no plan scores higher).</summary>
    public int Place => Better + 1;

    /// <summary>Percentile rank 0–100: the share of plans scoring lower, ties counted half (this plan among them).</summary>
    public int Percentile => Total == 0 ? 0 : (int)Math.Round(100.0 * (Worse + 0.5 * Equal) / Total, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Status counts per label and standings over a subset of a comparison's plans: the compare page
/// counts only the newest version of each plan, even when it shows the older ones too.
/// </summary>
public sealed class ComparisonStatistics
{
    private readonly PlanComparison _comparison;
    private readonly LabelStatusCounts[] _counts;

    /// <param name="plans">Indexes into <see cref="PlanComparison.Plans"/> to count; null: all.</param>
    public ComparisonStatistics(PlanComparison comparison, IReadOnlyList<int>? plans = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        _comparison = comparison;
        Plans = plans ?? [.. Enumerable.Range(0, comparison.Plans.Count)];
        if (Plans.Any(p => p < 0 || p >= comparison.Plans.Count)) throw new ArgumentOutOfRangeException(nameof(plans), "A plan index lies outside the comparison.");
        var width = comparison.Labels.Count;
        var absent = new int[width];
        var mentioned = new int[width];
        var elaborated = new int[width];
        foreach (var p in Plans)
        {
            var row = comparison.Row(p);
            for (var l = 0; l < width; l++)
            {
                switch (row[l].Status)
                {
                    case CoverageStatus.Uitgewerkt: elaborated[l]++; break;
                    case CoverageStatus.Genoemd: mentioned[l]++; break;
                    default: absent[l]++; break;
                }
            }
        }
        _counts = new LabelStatusCounts[width];
        for (var l = 0; l < width; l++) _counts[l] = new LabelStatusCounts(comparison.Labels[l], absent[l], mentioned[l], elaborated[l]);
    }

    public PlanComparison Comparison => _comparison;

    /// <summary>The counted plans.</summary>
    public IReadOnlyList<int> Plans { get; }

    public int PlanCount => Plans.Count;

    public LabelStatusCounts Counts(int labelIndex) => _counts[labelIndex];

    /// <summary>The counts of one dimension's labels, in display order.</summary>
    public IReadOnlyList<LabelStatusCounts> For(string dimension) => [.. _comparison.For(dimension).Select(x => _counts[x.Index])];

    public DimensionScore Score(int plan, string dimension)
    {
        int covered = 0, elaborated = 0, labels = 0;
        foreach (var (_, index) in _comparison.For(dimension))
        {
            labels++;
            var status = _comparison.Cell(plan, index).Status;
            if (status != CoverageStatus.Afwezig) covered++;
            if (status == CoverageStatus.Uitgewerkt) elaborated++;
        }
        return new DimensionScore(covered, elaborated, labels);
    }

    /// <summary>Where <paramref name="plan"/> stands among the counted plans (it need not be one of them).</summary>
    public PlanStanding Standing(int plan, string dimension)
    {
        var own = Score(plan, dimension);
        int better = 0, equal = 0, worse = 0;
        var counted = false;
        foreach (var p in Plans)
        {
            if (p == plan) counted = true;
            var c = Score(p, dimension).CompareTo(own);
            if (c > 0) better++;
            else if (c < 0) worse++;
            else equal++;
        }
        if (!counted) equal++;
        return new PlanStanding(plan, dimension, own, better, equal, worse);
    }
}

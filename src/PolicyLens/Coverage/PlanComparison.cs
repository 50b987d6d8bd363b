using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>
/// One plan × label cell of a comparison. <see cref="Rank"/> is the plan's place among all
/// compared plans for this label by strength (1 = strongest; ties share a rank, "1, 2, 2, 4");
/// null when the plan lacks the label.
/// </summary>
public readonly record struct ComparisonCell(int Passages, double Strength, CoverageStatus Status, int? Rank)
{
    public bool Covered => Status != CoverageStatus.Afwezig;
}

/// <summary>A consultant's benchmark for one label: how many of the compared plans cover it.</summary>
public sealed record LabelBenchmark
{
    public LabelBenchmark(LabelInfo label, int plansCovering, int plansElaborated, int planCount)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegative(planCount);
        if (plansCovering < 0 || plansCovering > planCount) throw new ArgumentOutOfRangeException(nameof(plansCovering));
        if (plansElaborated < 0 || plansElaborated > plansCovering) throw new ArgumentOutOfRangeException(nameof(plansElaborated));
        Label = label;
        PlansCovering = plansCovering;
        PlansElaborated = plansElaborated;
        PlanCount = planCount;
    }

    public LabelInfo Label { get; }

    /// <summary>Plans where the label is at least mentioned.</summary>
    public int PlansCovering { get; }

    /// <summary>Plans where the label is worked out.</summary>
    public int PlansElaborated { get; }
    public int PlanCount { get; }

    /// <summary>PlansCovering / PlanCount; 0 for an empty comparison.</summary>
    public double Share => PlanCount == 0 ? 0 : (double)PlansCovering / PlanCount;

    /// <summary>Dutch: "12 van 300 plannen".</summary>
    public string Describe() => $"{PlansCovering} van {PlanCount} {(PlanCount == 1 ? "plan" : "plannen")}";
}

/// <summary>How the compared plans fare on one plan check.</summary>
public sealed record CheckBenchmark
{
    public CheckBenchmark(PlanCheck check, IReadOnlyList<int> failingPlans, int plansPassing, int planCount)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(failingPlans);
        ArgumentOutOfRangeException.ThrowIfNegative(planCount);
        if (plansPassing < 0 || plansPassing + failingPlans.Count > planCount) throw new ArgumentOutOfRangeException(nameof(plansPassing));
        Check = check;
        FailingPlans = failingPlans;
        PlansPassing = plansPassing;
        PlanCount = planCount;
    }

    public PlanCheck Check { get; }

    /// <summary>Indexes into <see cref="PlanComparison.Plans"/> of the plans that do not pass, in plan order.</summary>
    public IReadOnlyList<int> FailingPlans { get; }
    public int PlansFailing => FailingPlans.Count;
    public int PlansPassing { get; }

    /// <summary>Plans the check does not apply to (or could not be evaluated on).</summary>
    public int PlansNotApplicable => PlanCount - PlansPassing - PlansFailing;
    public int PlanCount { get; }

    /// <summary>Dutch: "3 van 12 plannen halen deze controle niet".</summary>
    public string Describe() => $"{PlansFailing} van {PlanCount} {(PlanCount == 1 ? "plan haalt" : "plannen halen")} deze controle niet";
}

/// <summary>
/// Plans × labels: strength, status and rank per cell, and per label the share of plans covering it.
/// Cells are stored densely (row-major, one row per plan) so that 300 plans × 150 labels stays a
/// flat array.
/// </summary>
public sealed record PlanComparison
{
    private readonly ComparisonCell[] _cells;
    private readonly Dictionary<string, int> _labelIndex;
    private readonly CheckStatus[] _checkStatuses;

    /// <param name="checks">The plan checks compared (columns of <paramref name="checkStatuses"/>); none when null.</param>
    /// <param name="checkStatuses">Row-major plans × checks: each plan's status on each check.</param>
    public PlanComparison(IReadOnlyList<PlanInfo> plans, IReadOnlyList<LabelInfo> labels, ComparisonCell[] cells, IReadOnlyList<LabelBenchmark> benchmarks,
        IReadOnlyList<PlanCheck>? checks = null, CheckStatus[]? checkStatuses = null)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(benchmarks);
        if (cells.Length != plans.Count * labels.Count) throw new ArgumentException("One cell per plan and label.", nameof(cells));
        if (benchmarks.Count != labels.Count) throw new ArgumentException("One benchmark per label.", nameof(benchmarks));
        _labelIndex = new Dictionary<string, int>(labels.Count, StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
            if (!_labelIndex.TryAdd(LabelKeys.Of(labels[i]), i)) throw new ArgumentException($"The label {LabelKeys.Of(labels[i])} appears twice.", nameof(labels));
        Plans = plans;
        Labels = labels;
        _cells = (ComparisonCell[])cells.Clone(); // the record stays immutable whatever the caller does with its array
        Benchmarks = benchmarks;
        Checks = checks ?? [];
        checkStatuses ??= [];
        if (checkStatuses.Length != plans.Count * Checks.Count) throw new ArgumentException("One check status per plan and check.", nameof(checkStatuses));
        _checkStatuses = (CheckStatus[])checkStatuses.Clone();
        CheckBenchmarks = [.. Checks.Select((check, ci) =>
        {
            var failing = new List<int>();
            var passing = 0;
            for (var p = 0; p < plans.Count; p++)
            {
                var status = _checkStatuses[p * Checks.Count + ci];
                if (status == CheckStatus.InOrde) passing++;
                else if (status.IsFailure()) failing.Add(p);
            }
            return new CheckBenchmark(check, failing, passing, plans.Count);
        })];
    }

    public IReadOnlyList<PlanInfo> Plans { get; }
    public IReadOnlyList<LabelInfo> Labels { get; }

    /// <summary>Per label (aligned with <see cref="Labels"/>): how many plans cover it.</summary>
    public IReadOnlyList<LabelBenchmark> Benchmarks { get; }

    /// <summary>The plan checks compared, in the checker's order.</summary>
    public IReadOnlyList<PlanCheck> Checks { get; }

    /// <summary>Per check (aligned with <see cref="Checks"/>): which plans fail it.</summary>
    public IReadOnlyList<CheckBenchmark> CheckBenchmarks { get; }

    /// <summary>A plan's status on a check.</summary>
    public CheckStatus StatusOf(int planIndex, int checkIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(planIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(planIndex, Plans.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(checkIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(checkIndex, Checks.Count);
        return _checkStatuses[planIndex * Checks.Count + checkIndex];
    }

    /// <summary>Indexes into <see cref="Checks"/> of the checks a plan does not pass.</summary>
    public IReadOnlyList<int> FailedChecks(int planIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(planIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(planIndex, Plans.Count);
        var failed = new List<int>();
        for (var ci = 0; ci < Checks.Count; ci++)
            if (_checkStatuses[planIndex * Checks.Count + ci].IsFailure())
                failed.Add(ci);
        return failed;
    }

    public ComparisonCell Cell(int planIndex, int labelIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(planIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(planIndex, Plans.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(labelIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(labelIndex, Labels.Count);
        return _cells[planIndex * Labels.Count + labelIndex];
    }

    /// <summary>The cells of one plan, aligned with <see cref="Labels"/>.</summary>
    public ReadOnlySpan<ComparisonCell> Row(int planIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(planIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(planIndex, Plans.Count);
        return _cells.AsSpan(planIndex * Labels.Count, Labels.Count);
    }

    /// <summary>Index of a label key ("element:bezig-zijn") in <see cref="Labels"/>, or -1.</summary>
    public int LabelIndex(string key) => _labelIndex.GetValueOrDefault(key, -1);

    /// <summary>The labels of one dimension with their indexes, in display order.</summary>
    public IEnumerable<(LabelInfo Label, int Index)> For(string dimension)
    {
        for (var i = 0; i < Labels.Count; i++)
            if (Labels[i].Dimension == dimension) yield return (Labels[i], i);
    }
}

/// <summary>Compares the coverage of many plans.</summary>
public interface IPlanComparer
{
    /// <summary>Labels are the union of the plans' labels, in the first plan's order; a label a plan lacks counts as absent there.</summary>
    PlanComparison Compare(IReadOnlyList<PlanCoverage> plans);
}

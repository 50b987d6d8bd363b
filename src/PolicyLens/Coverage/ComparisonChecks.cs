namespace PolicyLens.Coverage;

/// <summary>A check as a comparison column: a stable id and its Dutch title.</summary>
public sealed record CheckColumn
{
    public CheckColumn(string id, string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Id = id;
        Title = title;
    }

    public string Id { get; }
    public string Title { get; }
}

/// <summary>
/// Which plans fail which check: plans × checks, aligned with the compared plans. The compare
/// page filters by it ("faalt controle X"), the exports give it a sheet and the comparison report
/// counts the checks that fail most.
/// </summary>
public sealed record CheckTable
{
    private readonly CheckStatus[] _results;

    public CheckTable(IReadOnlyList<CheckColumn> checks, int planCount, CheckStatus[] results)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfNegative(planCount);
        if (results.Length != checks.Count * planCount) throw new ArgumentException("One result per plan and check.", nameof(results));
        Checks = checks;
        PlanCount = planCount;
        _results = (CheckStatus[])results.Clone();
    }

    public IReadOnlyList<CheckColumn> Checks { get; }
    public int PlanCount { get; }

    public CheckStatus Result(int plan, int check)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)plan, (uint)PlanCount, nameof(plan));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)check, (uint)Checks.Count, nameof(check));
        return _results[plan * Checks.Count + check];
    }

    /// <summary>True when the plan does not pass the check (its status is the check's severity), as <see cref="CheckResult.Failed"/>.</summary>
    public bool Failed(int plan, int check) => Result(plan, check).IsFailure();

    /// <summary>Index of a check by id, or -1.</summary>
    public int IndexOf(string checkId)
    {
        for (var i = 0; i < Checks.Count; i++)
            if (Checks[i].Id == checkId) return i;
        return -1;
    }

    /// <summary>How many of the given plans (all when null) fail a check.</summary>
    public int Failing(int check, IEnumerable<int>? plans = null) =>
        (plans ?? Enumerable.Range(0, PlanCount)).Count(p => Failed(p, check));

    /// <summary>
    /// The plan checks of the plans' coverages (<see cref="PlanCoverage.Checks"/>), in the first
    /// plan's order; a check a plan was not run on counts as not applicable there.
    /// </summary>
    public static CheckTable From(IReadOnlyList<PlanCoverage> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var checks = new List<CheckColumn>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var plan in plans)
            foreach (var check in plan.Checks)
                if (index.TryAdd(check.Id, checks.Count)) checks.Add(new CheckColumn(check.Id, check.Check.Title));
        var results = new CheckStatus[plans.Count * checks.Count];
        Array.Fill(results, CheckStatus.NietVanToepassing);
        for (var p = 0; p < plans.Count; p++)
            foreach (var check in plans[p].Checks)
                results[p * checks.Count + index[check.Id]] = check.Status;
        return new CheckTable(checks, plans.Count, results);
    }
}

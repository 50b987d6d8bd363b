namespace PolicyLens.Coverage;

/// <summary>How one plan came out of one check.</summary>
public enum CheckResult
{
    /// <summary>The check passed.</summary>
    Passed,

    /// <summary>Worth a look, no clear shortcoming (the check may not apply).</summary>
    Notice,

    /// <summary>The plan fails the check.</summary>
    Failed,
}

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
    private readonly CheckResult[] _results;

    public CheckTable(IReadOnlyList<CheckColumn> checks, int planCount, CheckResult[] results)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfNegative(planCount);
        if (results.Length != checks.Count * planCount) throw new ArgumentException("One result per plan and check.", nameof(results));
        Checks = checks;
        PlanCount = planCount;
        _results = (CheckResult[])results.Clone();
    }

    public IReadOnlyList<CheckColumn> Checks { get; }
    public int PlanCount { get; }

    public CheckResult Result(int plan, int check)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)plan, (uint)PlanCount, nameof(plan));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)check, (uint)Checks.Count, nameof(check));
        return _results[plan * Checks.Count + check];
    }

    /// <summary>Index of a check by id, or -1.</summary>
    public int IndexOf(string checkId)
    {
        for (var i = 0; i < Checks.Count; i++)
            if (Checks[i].Id == checkId) return i;
        return -1;
    }

    /// <summary>How many of the given plans (all when null) fail a check.</summary>
    public int Failing(int check, IEnumerable<int>? plans = null) =>
        (plans ?? Enumerable.Range(0, PlanCount)).Count(p => Result(p, check) == CheckResult.Failed);

    /// <summary>
    /// The checks of the plans' coverages. Today these are the framework flags of
    /// <see cref="PlanCoverage.Flags"/> (a warning fails, information is a notice); this is the one
    /// place that changes when plan checks replace them.
    /// </summary>
    public static CheckTable From(IReadOnlyList<PlanCoverage> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var checks = new List<CheckColumn>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var plan in plans)
            foreach (var flag in plan.Flags)
                if (index.TryAdd(flag.Id, checks.Count)) checks.Add(new CheckColumn(flag.Id, flag.Title));
        var results = new CheckResult[plans.Count * checks.Count];
        for (var p = 0; p < plans.Count; p++)
            foreach (var flag in plans[p].Flags)
                results[p * checks.Count + index[flag.Id]] = flag.Severity switch
                {
                    FlagSeverity.Warning => CheckResult.Failed,
                    FlagSeverity.Info => CheckResult.Notice,
                    _ => CheckResult.Passed,
                };
        return new CheckTable(checks, plans.Count, results);
    }
}

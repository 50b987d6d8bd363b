namespace PolicyLens.Coverage;

/// <summary>How serious a check is when a plan does not pass it (the <c>severity</c> of a check file).</summary>
public enum CheckSeverity
{
    /// <summary><c>waarschuwing</c>: a shortcoming the framework warns about.</summary>
    Waarschuwing,

    /// <summary><c>aandacht</c>: worth a look; a likely improvement.</summary>
    Aandacht,

    /// <summary><c>info</c>: for information; no clear shortcoming.</summary>
    Info,
}

/// <summary>The outcome of one check on one plan. A check that is not passed takes its severity as status.</summary>
public enum CheckStatus
{
    /// <summary>The plan passes the check.</summary>
    InOrde,

    /// <summary>Not passed; the check's severity is <see cref="CheckSeverity.Waarschuwing"/>.</summary>
    Waarschuwing,

    /// <summary>Not passed; the check's severity is <see cref="CheckSeverity.Aandacht"/>.</summary>
    Aandacht,

    /// <summary>Not passed; the check's severity is <see cref="CheckSeverity.Info"/>.</summary>
    Info,

    /// <summary>The check does not apply to this plan (its <c>appliesWhen</c> is false).</summary>
    NietVanToepassing,

    /// <summary>The check could not be evaluated on this plan (an expression threw); the message says why.</summary>
    Fout,
}

public static class CheckStatusExtensions
{
    /// <summary>True for a check the plan does not pass (any severity); passed, not applicable and errors are not failures.</summary>
    public static bool IsFailure(this CheckStatus status) => status is CheckStatus.Waarschuwing or CheckStatus.Aandacht or CheckStatus.Info;
}

/// <summary>A named helper value of a check (a RulesEngine LocalParam or GlobalParam).</summary>
public sealed record CheckParameter
{
    public CheckParameter(string name, string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        Name = name;
        Expression = expression;
    }

    public string Name { get; }
    public string Expression { get; }
}

/// <summary>
/// One plan check as its file defines it: what the rules page shows and the comparison lists.
/// Plain data; the checker that runs it keeps the compiled form.
/// </summary>
public sealed record PlanCheck
{
    public PlanCheck(string id, string title, CheckSeverity severity, string explanation, string expression, string source,
        string? appliesWhen = null, IReadOnlyList<CheckParameter>? parameters = null, string? message = null, string? passMessage = null,
        string? evidence = null, IReadOnlyList<string>? highlight = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(explanation);
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (!Enum.IsDefined(severity)) throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not a severity.");
        Id = id;
        Title = title;
        Severity = severity;
        Explanation = explanation;
        Expression = expression;
        Source = source;
        AppliesWhen = string.IsNullOrWhiteSpace(appliesWhen) ? null : appliesWhen;
        Parameters = parameters ?? [];
        Message = message;
        PassMessage = passMessage;
        Evidence = evidence;
        Highlight = highlight ?? [];
    }

    /// <summary>Stable id (the rule's <c>RuleName</c>), kebab-case, unique over all check files.</summary>
    public string Id { get; }

    /// <summary>Dutch title.</summary>
    public string Title { get; }
    public CheckSeverity Severity { get; }

    /// <summary>Dutch: what the check looks at and why it matters.</summary>
    public string Explanation { get; }

    /// <summary>The condition a plan must meet to pass (true = in orde).</summary>
    public string Expression { get; }

    /// <summary>The file the check comes from, relative to the rules folder (<c>checks/framing.json</c>).</summary>
    public string Source { get; }

    /// <summary>When set, the check applies only to plans where this is true.</summary>
    public string? AppliesWhen { get; }

    /// <summary>The workflow's GlobalParams and the rule's LocalParams, in evaluation order.</summary>
    public IReadOnlyList<CheckParameter> Parameters { get; }

    /// <summary>Message template when the plan does not pass; <c>{…}</c> holds an expression.</summary>
    public string? Message { get; }

    /// <summary>Message template when the plan passes.</summary>
    public string? PassMessage { get; }

    /// <summary>Expression that picks the passages shown as evidence.</summary>
    public string? Evidence { get; }

    /// <summary>Dimensions whose matched words the evidence view marks (e.g. <c>age</c>); empty: every tag.</summary>
    public IReadOnlyList<string> Highlight { get; }

    /// <summary>The status a plan gets when it does not pass.</summary>
    public CheckStatus FailedStatus => Severity switch
    {
        CheckSeverity.Waarschuwing => CheckStatus.Waarschuwing,
        CheckSeverity.Aandacht => CheckStatus.Aandacht,
        _ => CheckStatus.Info,
    };
}

/// <summary>The outcome of one check on one plan, with the finding in Dutch and the passages it rests on.</summary>
public sealed record CheckResult
{
    public CheckResult(PlanCheck check, CheckStatus status, string message, IReadOnlyList<int> passageOrdinals)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        ArgumentNullException.ThrowIfNull(passageOrdinals);
        if (!Enum.IsDefined(status)) throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status.");
        if (status.IsFailure() && status != check.FailedStatus)
            throw new ArgumentException($"A failed check '{check.Id}' has its own severity as status ({check.FailedStatus}), not {status}.", nameof(status));
        Check = check;
        Status = status;
        Message = message;
        PassageOrdinals = passageOrdinals;
    }

    public PlanCheck Check { get; }
    public string Id => Check.Id;
    public CheckStatus Status { get; }

    /// <summary>Dutch: what was found in this plan (the check's message template filled in).</summary>
    public string Message { get; }

    /// <summary>The passages the finding rests on, in document order.</summary>
    public IReadOnlyList<int> PassageOrdinals { get; }

    /// <summary>True when the plan did not pass: the status is the check's severity.</summary>
    public bool Failed => Status.IsFailure();
}

/// <summary>
/// Runs the plan checks on a plan summary. The only input of a check is the summary, so an
/// implementation can keep checks as data (rules/checks/*.json, see PolicyLens.Checks).
/// Implementations are thread-safe and never throw for a check that fails on a plan: that
/// becomes a result with status <see cref="CheckStatus.Fout"/>.
/// </summary>
public interface IPlanChecker
{
    /// <summary>The checks, in the order their results come.</summary>
    IReadOnlyList<PlanCheck> Checks { get; }

    /// <summary>One result per check of <see cref="Checks"/>, in the same order.</summary>
    IReadOnlyList<CheckResult> Check(PlanSummary summary);
}

/// <summary>Checkers that need no check files.</summary>
public static class PlanCheckers
{
    /// <summary>Runs no checks (analyses in tests, or a rules folder without checks).</summary>
    public static IPlanChecker None { get; } = new NoChecks();

    private sealed class NoChecks : IPlanChecker
    {
        public IReadOnlyList<PlanCheck> Checks => [];
        public IReadOnlyList<CheckResult> Check(PlanSummary summary) => [];
    }
}

using PolicyLens.Coverage;
using PolicyLens.Tagging;
using RulesEngine.Models;

namespace PolicyLens.Checks;

/// <summary>
/// Runs the plan checks of <c>rules/checks</c> with Microsoft RulesEngine: one workflow per file
/// (or theme), one rule per check. RulesEngine evaluates each rule's params and pass condition on
/// the plan summary; this class adds what the product needs on top — applicability, the Dutch
/// message and the evidence. Made by <see cref="CheckSetLoader"/>, which has compiled and checked
/// every expression. Thread-safe.
/// </summary>
public sealed class RulesEnginePlanChecker : IPlanChecker
{
    private readonly RulesEngine.RulesEngine _engine;
    private readonly IReadOnlyList<(string Workflow, IReadOnlyList<CompiledCheck> Checks)> _workflows;

    internal RulesEnginePlanChecker(RulesEngine.RulesEngine engine, IReadOnlyList<(string Workflow, IReadOnlyList<CompiledCheck> Checks)> workflows, ReSettings settings)
    {
        _engine = engine;
        _workflows = workflows;
        Settings = settings;
        Checks = [.. workflows.SelectMany(w => w.Checks).Select(c => c.Definition)];
    }

    public IReadOnlyList<PlanCheck> Checks { get; }

    /// <summary>The RulesEngine settings in force (tests assert that CustomTypes stays empty).</summary>
    internal ReSettings Settings { get; }

    public IReadOnlyList<CheckResult> Check(PlanSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var results = new List<CheckResult>(Checks.Count);
        var input = new RuleParameter(CheckSetLoader.PlanParameter, summary);
        foreach (var (workflow, checks) in _workflows)
        {
            List<RuleResultTree> trees;
            try
            {
                // No actions are allowed, so RulesEngine completes synchronously; the task is already done.
                var pending = _engine.ExecuteAllRulesAsync(workflow, [input]);
                trees = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                trees = [.. checks.Select(c => new RuleResultTree { Rule = new Rule { RuleName = c.Definition.Id }, ExceptionMessage = ex.Message })];
            }
            foreach (var check in checks)
                results.Add(check.Evaluate(summary, trees.Find(t => t.Rule?.RuleName == check.Definition.Id)));
        }
        return results;
    }

    /// <summary>Runs every workflow once on an empty plan; a rule RulesEngine cannot compile is a problem.</summary>
    internal IEnumerable<RuleProblem> WarmUp()
    {
        var empty = EmptySummary();
        var input = new RuleParameter(CheckSetLoader.PlanParameter, empty);
        foreach (var (workflow, checks) in _workflows)
        {
            var trees = _engine.ExecuteAllRulesAsync(workflow, [input]).AsTask().GetAwaiter().GetResult();
            foreach (var tree in trees)
                if (tree.ExceptionMessage?.Contains("while parsing", StringComparison.OrdinalIgnoreCase) == true)
                {
                    var source = checks.FirstOrDefault(c => c.Definition.Id == tree.Rule.RuleName)?.Definition.Source ?? workflow;
                    yield return new RuleProblem(new SourceLocation(source, 1), tree.Rule.RuleName, $"RulesEngine cannot compile it: {tree.ExceptionMessage}");
                }
        }
    }

    /// <summary>A plan with no passages: every framework label absent.</summary>
    internal static PlanSummary EmptySummary() =>
        new("", "", "", 0, new PlanPassageCounts(0, 0, 0, 0),
            [.. LabelCatalog.Dimensions.SelectMany(d => LabelCatalog.IdsOf(d).Select(id => new LabelSummary(d, id, id, "afwezig", 0, 0, 0, [], [])))],
            [], new LonelinessSummary(0, [], [], 0, 0, 0), []);
}

using PolicyLens.Coverage;
using RulesEngine.Models;

namespace PolicyLens.Checks;

/// <summary>
/// One check ready to run: its definition, the names of its params in scope order, and its own
/// compiled expressions (RulesEngine evaluates the pass condition and the params; the rest is ours).
/// </summary>
internal sealed class CompiledCheck(
    PlanCheck definition,
    IReadOnlyList<string> parameterNames,
    CheckExpression? appliesWhen,
    MessageTemplate message,
    MessageTemplate? passMessage,
    MessageTemplate? notApplicableMessage,
    CheckExpression? evidence,
    CheckExpression? passEvidence)
{
    public const string DefaultPassMessage = "Het plan voldoet aan deze controle.";
    public const string DefaultNotApplicableMessage = "Deze controle is niet van toepassing op dit plan.";

    public PlanCheck Definition { get; } = definition;

    /// <summary>The outcome from RulesEngine's result for this rule; never throws.</summary>
    public CheckResult Evaluate(PlanSummary summary, RuleResultTree? tree)
    {
        if (tree is null) return Error("RulesEngine gaf geen uitkomst voor deze controle");
        var values = new object?[parameterNames.Count + 1];
        values[0] = summary;
        for (var i = 0; i < parameterNames.Count; i++) values[i + 1] = tree.Inputs?.GetValueOrDefault(parameterNames[i]);
        try
        {
            if (appliesWhen is not null && appliesWhen.Invoke(values) is false)
                return new CheckResult(Definition, CheckStatus.NietVanToepassing,
                    Text(notApplicableMessage?.Render(values, summary), DefaultNotApplicableMessage), []);
            if (!string.IsNullOrEmpty(tree.ExceptionMessage)) return Error(tree.ExceptionMessage);
            var passed = tree.IsSuccess;
            var shown = passed ? passEvidence ?? evidence : evidence;
            var ordinals = shown is null ? [] : Evidence.Ordinals(shown.Invoke(values));
            var text = passed ? Text(passMessage?.Render(values, summary), DefaultPassMessage) : Text(message.Render(values, summary), Definition.Title);
            return new CheckResult(Definition, passed ? CheckStatus.InOrde : Definition.FailedStatus, text, ordinals);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A check that breaks on one plan must not take the report down; the result says what happened.
            return Error(ex.Message);
        }
    }

    private CheckResult Error(string detail) =>
        new(Definition, CheckStatus.Fout,
            $"Deze controle kon op dit plan niet worden uitgevoerd ({detail.Trim().TrimEnd('.')}). De beheerder kan de controle in {Definition.Source} aanpassen.", []);

    private static string Text(string? rendered, string fallback) => string.IsNullOrWhiteSpace(rendered) ? fallback : rendered.Trim();
}

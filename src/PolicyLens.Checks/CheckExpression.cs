using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using RulesEngine.ExpressionBuilders;

namespace PolicyLens.Checks;

/// <summary>An expression of a check file, parsed by RulesEngine's parser, guarded and compiled once.</summary>
internal sealed class CheckExpression
{
    private readonly Func<object?[], object?> _invoke;

    private CheckExpression(Func<object?[], object?> invoke, Type type)
    {
        _invoke = invoke;
        Type = type;
    }

    /// <summary>The static type of the expression's value.</summary>
    public Type Type { get; }

    /// <summary>Evaluates with the scope's values, in the order of the scope it was compiled with.</summary>
    public object? Invoke(object?[] values) => _invoke(values);

    /// <summary>A problem with an expression: what is wrong and where (0-based position in the expression text).</summary>
    public sealed record Problem(string Message, int Position);

    /// <summary>
    /// Parses <paramref name="text"/> over <paramref name="scope"/> exactly as RulesEngine will (the
    /// same parser and settings), refuses anything outside the plan summary, and compiles it.
    /// </summary>
    public static CheckExpression? Compile(RuleExpressionParser parser, string text, IReadOnlyList<ParameterExpression> scope, Type? returnType,
        ICollection<string> labelKeys, out Problem? problem)
    {
        problem = null;
        if (ExpressionGuard.DeniedName(text) is { } denied)
        {
            problem = new Problem($"'{denied.Name}' reaches outside the plan summary; a check may only read 'plan' and its own params", denied.Position);
            return null;
        }
        Expression body;
        try
        {
            body = parser.Parse(text, [.. scope], returnType);
        }
        catch (ParseException ex)
        {
            problem = new Problem(ex.Message.TrimEnd('.'), Math.Clamp(ex.Position, 0, text.Length));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            problem = new Problem(ex.Message.TrimEnd('.'), 0);
            return null;
        }
        if (ExpressionGuard.Refusal(body, labelKeys) is { } refusal)
        {
            problem = new Problem(refusal, 0);
            return null;
        }
        // (object[] args) => { plan = (PlanSummary)args[0]; …; return (object)body; } — one delegate, no reflection per call.
        var args = Expression.Parameter(typeof(object[]), "args");
        var assignments = scope.Select((p, i) => (Expression)Expression.Assign(p, Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.Type)));
        var block = Expression.Block(scope, [.. assignments, Expression.Convert(body, typeof(object))]);
        return new CheckExpression(Expression.Lambda<Func<object?[], object?>>(block, args).Compile(), body.Type);
    }
}

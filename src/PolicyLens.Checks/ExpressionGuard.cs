using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using PolicyLens.Coverage;
using PolicyLens.Tagging;

namespace PolicyLens.Checks;

/// <summary>
/// Keeps check expressions inside the plan summary. Two gates: a scan of the written identifiers
/// for names that only serve to leave the summary (File, Process, Environment, GetType, …), which
/// gives the clearest message and position; and a walk over the parsed expression tree that allows
/// only reading the summary's properties, plain values and LINQ over its lists. The walk is the
/// real fence: System.Linq.Dynamic.Core accepts <c>x.GetType()</c> and <c>Enumerable.Range</c>
/// on its own, and a name the scan misses still meets a type outside the allow list.
/// </summary>
internal static partial class ExpressionGuard
{
    /// <summary>Identifiers refused wherever they appear outside a string literal (case-insensitive, as expressions are).</summary>
    private static readonly HashSet<string> Denied = new(StringComparer.OrdinalIgnoreCase)
    {
        "System", "File", "Directory", "Path", "Process", "Environment", "AppDomain", "Assembly", "Activator", "Type", "GetType",
        "typeof", "Reflection", "Marshal", "GC", "Thread", "Task", "Console", "Delegate", "DynamicInvoke", "Invoke", "MethodInfo",
        "Expression", "Emit", "Runtime", "Interop", "IO", "Net", "Http", "WebClient", "Socket", "Registry", "Microsoft",
        "ExpressionUtils", "Utils", "DateTime", "DateTimeOffset", "Guid", "Random",
    };

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'|[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    /// <summary>The first identifier outside string literals that is refused, with its position; null when none.</summary>
    public static (string Name, int Position)? DeniedName(string expression)
    {
        foreach (Match m in Tokens().Matches(expression))
        {
            if (m.Value[0] is '"' or '\'') continue;
            if (Denied.Contains(m.Value)) return (m.Value, m.Index);
        }
        return null;
    }

    private static readonly HashSet<Type> SummaryTypes =
    [
        typeof(PlanSummary), typeof(PlanPassageCounts), typeof(LabelSummary), typeof(ChapterSummary), typeof(LonelinessSummary), typeof(PassageSummary),
    ];

    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(string), typeof(bool), typeof(char), typeof(int), typeof(long), typeof(double), typeof(float), typeof(decimal),
        typeof(byte), typeof(short), typeof(uint), typeof(ulong), typeof(ushort), typeof(sbyte), typeof(object),
    ];

    /// <summary>String methods a check may call: reading and comparing text, nothing else.</summary>
    private static readonly HashSet<string> StringMethods = new(StringComparer.Ordinal)
    {
        "Contains", "StartsWith", "EndsWith", "IndexOf", "LastIndexOf", "Equals", "CompareTo", "Compare", "ToLower", "ToUpper",
        "ToLowerInvariant", "ToUpperInvariant", "Trim", "TrimStart", "TrimEnd", "Substring", "Replace", "IsNullOrEmpty",
        "IsNullOrWhiteSpace", "Concat", "ToString", "get_Chars", "Split", "Join",
    };

    /// <summary>LINQ sources that make values from nothing (unbounded loops); everything else in Enumerable works on the summary's lists.</summary>
    private static readonly HashSet<string> RefusedEnumerable = new(StringComparer.Ordinal) { "Range", "Repeat" };

    /// <summary>Why the parsed expression leaves the summary, or null when it stays inside. Also collects label keys written as constants.</summary>
    public static string? Refusal(Expression expression, ICollection<string> labelKeys)
    {
        var walker = new Walker(labelKeys);
        walker.Visit(expression);
        return walker.Problem;
    }

    /// <summary>Types an expression may hold values of: the summary, plain values, their lists, and nullable or lambda forms of those.</summary>
    internal static bool Allowed(Type type)
    {
        if (SummaryTypes.Contains(type) || ValueTypes.Contains(type) || type.IsEnum && type.Assembly == typeof(string).Assembly) return true;
        if (Nullable.GetUnderlyingType(type) is { } inner) return Allowed(inner);
        if (type.IsArray) return Allowed(type.GetElementType()!);
        if (typeof(Delegate).IsAssignableFrom(type)) return type.IsGenericType && type.GetGenericArguments().All(Allowed); // Func<…> of LINQ lambdas
        if (type == typeof(IEnumerable)) return true;
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            var collection = definition.Namespace is "System.Collections.Generic" or "System.Linq"
                || (definition.Namespace == "System" && definition.Name.StartsWith("Tuple", StringComparison.Ordinal))
                || definition == typeof(KeyValuePair<,>);
            // LINQ's own iterators (Enumerable+WhereSelectListIterator …) are internal generic types of System.Linq.
            return collection && arguments.All(Allowed);
        }
        // Dynamic LINQ's anonymous classes from new(...) live in a dynamic assembly; their members are plain values.
        if (type.Assembly.IsDynamic) return type.GetProperties().All(p => Allowed(p.PropertyType));
        return false;
    }

    private sealed class Walker(ICollection<string> labelKeys) : ExpressionVisitor
    {
        public string? Problem { get; private set; }

        private void Refuse(string problem) => Problem ??= problem;

        public override Expression? Visit(Expression? node)
        {
            if (node is null || Problem is not null) return node;
            if (!Allowed(node.Type))
            {
                Refuse($"it works with {Describe(node.Type)}, which lies outside the plan summary");
                return node;
            }
            return node.NodeType switch
            {
                ExpressionType.Block or ExpressionType.Assign or ExpressionType.Loop or ExpressionType.Goto or ExpressionType.Try
                    or ExpressionType.Throw or ExpressionType.Invoke or ExpressionType.Dynamic or ExpressionType.RuntimeVariables
                    or ExpressionType.Extension or ExpressionType.Quote => RefuseNode(node),
                _ => base.Visit(node),
            };
        }

        private Expression RefuseNode(Expression node)
        {
            Refuse($"a {node.NodeType} expression is not allowed in a check");
            return node;
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is string s && s.Contains(':', StringComparison.Ordinal))
            {
                // "age:ouderen" is a label key and must exist; "age:" (a prefix for StartsWith) is not.
                var (dimension, id) = LabelKeys.Parse(s);
                if (dimension is not null && id.Length > 0 && LabelCatalog.IsDimension(dimension)) labelKeys.Add(s);
            }
            return node;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            var declaring = node.Member.DeclaringType!;
            var ok = SummaryTypes.Contains(declaring)
                || (node.Member.Name is "Length" && declaring == typeof(string))
                || (node.Member.Name is "Count" or "Keys" or "Values" or "Key" or "Value" or "HasValue" or "Length" && IsCollectionOrValue(declaring))
                || declaring.Assembly.IsDynamic
                || (node.Member is FieldInfo { IsStatic: true, IsLiteral: true } && ValueTypes.Contains(declaring)); // int.MaxValue, double.Epsilon …
            if (!ok) Refuse($"it reads {declaring.Name}.{node.Member.Name}, which lies outside the plan summary");
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var method = node.Method;
            var declaring = method.DeclaringType!;
            bool ok;
            if (declaring == typeof(Enumerable)) ok = !RefusedEnumerable.Contains(method.Name);
            else if (declaring == typeof(string)) ok = StringMethods.Contains(method.Name);
            else if (declaring == typeof(Math)) ok = true;
            else if (declaring == typeof(object) || ValueTypes.Contains(declaring)) ok = method.Name is "ToString" or "Equals" or "CompareTo" or "Parse";
            else if (IsCollectionOrValue(declaring)) ok = method.Name is "get_Item" or "Contains" or "ContainsKey" or "IndexOf";
            else ok = false; // the summary's own types: properties only
            if (!ok) Refuse($"it calls {declaring.Name}.{method.Name}, which lies outside the plan summary");
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitNew(NewExpression node)
        {
            // Dynamic LINQ's new(...) builds its anonymous classes; a constructor of any other type is refused.
            if (!node.Type.Assembly.IsDynamic) Refuse($"it creates a {Describe(node.Type)}, which a check may not do");
            return base.VisitNew(node);
        }

        protected override Expression VisitMemberInit(MemberInitExpression node)
        {
            if (!node.Type.Assembly.IsDynamic) Refuse($"it creates a {Describe(node.Type)}, which a check may not do");
            return base.VisitMemberInit(node);
        }

        protected override Expression VisitListInit(ListInitExpression node) => RefuseNode(node);

        private static bool IsCollectionOrValue(Type type) =>
            type.IsArray || type.IsGenericType && Allowed(type) || Nullable.GetUnderlyingType(type) is not null || ValueTypes.Contains(type)
            || type == typeof(IEnumerable) || type == typeof(ICollection) || type == typeof(IList);
    }

    private static string Describe(Type type) => type.FullName ?? type.Name;
}

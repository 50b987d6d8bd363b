using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using PolicyLens.Coverage;
using RulesEngine.ExpressionBuilders;

namespace PolicyLens.Checks;

/// <summary>
/// A message template of a check: text with <c>{expression}</c> placeholders (<c>{{</c> and <c>}}</c>
/// for literal braces). Each placeholder is compiled like any check expression and its value is
/// written the Dutch way (see <see cref="Format"/>).
/// </summary>
internal sealed class MessageTemplate
{
    private readonly IReadOnlyList<(string? Literal, CheckExpression? Value)> _parts;

    private MessageTemplate(IReadOnlyList<(string?, CheckExpression?)> parts) => _parts = parts;

    public static MessageTemplate? Compile(RuleExpressionParser parser, string text, IReadOnlyList<ParameterExpression> scope,
        ICollection<string> labelKeys, out CheckExpression.Problem? problem)
    {
        problem = null;
        var parts = new List<(string?, CheckExpression?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i++; continue; }
            if (c == '}') { problem = new("a '}' without its '{' (write '}}' for a brace)", i); return null; }
            if (c != '{') { literal.Append(c); continue; }
            if (i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i++; continue; }
            var end = text.IndexOf('}', i + 1);
            if (end < 0) { problem = new("a '{' without its '}' (write '{{' for a brace)", i); return null; }
            var inner = text[(i + 1)..end];
            if (inner.Trim().Length == 0) { problem = new("an empty placeholder '{}'", i); return null; }
            var value = CheckExpression.Compile(parser, inner, scope, null, labelKeys, out var inside);
            if (value is null) { problem = inside! with { Position = i + 1 + inside!.Position }; return null; }
            if (literal.Length > 0) parts.Add((literal.ToString(), null));
            literal.Clear();
            parts.Add((null, value));
            i = end;
        }
        if (literal.Length > 0) parts.Add((literal.ToString(), null));
        return new MessageTemplate(parts);
    }

    public string Render(object?[] values, PlanSummary summary)
    {
        var sb = new StringBuilder();
        foreach (var (literal, value) in _parts)
            if (literal is not null) sb.Append(literal);
            else sb.Append(Format(value!.Invoke(values), summary));
        return sb.ToString();
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>
    /// Dutch text of a value: a label by its name, a chapter by its heading (with its domains), a
    /// passage by number and page, numbers with a decimal comma, true/false as ja/nee, a list as
    /// "a, b en c" ("geen" when empty).
    /// </summary>
    public static string Format(object? value, PlanSummary summary) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "ja" : "nee",
        int or long or short or byte => Convert.ToString(value, Dutch)!,
        double d => double.IsFinite(d) ? d.ToString("0.##", Dutch) : "–",
        float f => float.IsFinite(f) ? f.ToString("0.##", Dutch) : "–",
        decimal m => m.ToString("0.##", Dutch),
        LabelSummary l => l.Name,
        ChapterSummary c => c.Domains.Count == 0 ? c.Heading
            : $"{c.Heading} ({string.Join(", ", c.Domains.Select(d => summary.Label.TryGetValue("domain:" + d, out var l) ? l.Name : d))})",
        PassageSummary p => $"passage {p.Ordinal + 1}" + (p.Page > 0 ? $" (p. {p.Page})" : ""),
        IEnumerable items => List([.. items.Cast<object?>().Select(i => Format(i, summary))]),
        _ => Convert.ToString(value, Dutch) ?? "",
    };

    private static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "geen",
        1 => items[0],
        // "onderwijs en zorg en ondersteuning" would read as three; names that hold " en " get semicolons.
        _ when items.Any(i => i.Contains(" en ", StringComparison.Ordinal)) => string.Join("; ", items),
        _ => string.Join(", ", items.Take(items.Count - 1)) + " en " + items[^1],
    };
}

/// <summary>Turns the value of an <c>evidence</c> expression into passage ordinals.</summary>
internal static class Evidence
{
    /// <summary>True for the types an evidence expression may give: passages, chapters, labels, passage numbers, or lists of them.</summary>
    public static bool Accepts(Type type)
    {
        if (type == typeof(PassageSummary) || type == typeof(ChapterSummary) || type == typeof(LabelSummary) || type == typeof(int)) return true;
        var element = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is not null && element != typeof(string) && Accepts(element);
    }

    public static IReadOnlyList<int> Ordinals(object? value)
    {
        var found = new List<int>();
        Collect(value, found);
        // Numbers an author wrote that name no passage are dropped by the report, which shows only passages it has.
        found.RemoveAll(o => o < 0);
        found.Sort();
        var distinct = 0;
        for (var i = 0; i < found.Count; i++)
            if (i == 0 || found[i] != found[i - 1]) found[distinct++] = found[i];
        return found[..distinct];
    }

    private static void Collect(object? value, List<int> found)
    {
        switch (value)
        {
            case null: return;
            case PassageSummary p: found.Add(p.Ordinal); return;
            case ChapterSummary c: found.Add(c.Ordinal); return;
            case LabelSummary l: found.AddRange(l.PassageOrdinals); return;
            case int o: found.Add(o); return;
            case IEnumerable items:
                foreach (var item in items) Collect(item, found);
                return;
        }
    }
}

using PolicyLens.Tagging;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Where a tag comes from, in words an advisor reads: the rules (words of the rule files), the
/// learned model (the words that weighed most), or both — so a model-only tag is seen for what it is.
/// </summary>
public static class TagSources
{
    /// <summary>Evidence rule ids of the model start with this prefix ("model.element.bezig-zijn").</summary>
    public const string ModelPrefix = "model.";

    public static bool IsModel(Evidence e) => e.RuleId.StartsWith(ModelPrefix, StringComparison.Ordinal);

    /// <summary>Evidence of the language model (a quote), when the user chose its tags for the coverage.</summary>
    public static bool IsLlm(Evidence e) => e.RuleId.StartsWith(PolicyLens.Llm.LlmPassageTagger.EvidencePrefix, StringComparison.Ordinal);

    private static bool IsRule(Evidence e) => !IsModel(e) && !IsLlm(e);

    /// <summary>"regels", "model", "regels en model", or "taalmodel" for the language model's tags.</summary>
    public static string Origin(PassageTag tag)
    {
        if (tag.Evidence.Any(IsLlm)) return "taalmodel";
        var model = tag.Evidence.Any(IsModel);
        var rules = tag.Evidence.Any(IsRule);
        return rules && model ? "regels en model" : model ? "model" : "regels";
    }

    /// <summary>"regels: buurthuis, koffie · model: ontmoeten" — at most <paramref name="max"/> words per source.</summary>
    public static string Describe(PassageTag tag, int max = 4)
    {
        var parts = new List<string>();
        var rules = tag.Evidence.Where(IsRule).Select(e => e.MatchedText).Distinct(StringComparer.OrdinalIgnoreCase).Take(max).ToArray();
        var model = tag.Evidence.Where(IsModel).Select(e => e.MatchedText).Distinct(StringComparer.OrdinalIgnoreCase).Take(max).ToArray();
        var llm = tag.Evidence.Where(IsLlm).Select(e => e.MatchedText).Distinct(StringComparer.OrdinalIgnoreCase).Take(max).ToArray();
        if (rules.Length > 0) parts.Add("regels: " + string.Join(", ", rules));
        if (model.Length > 0) parts.Add("model: " + string.Join(", ", model));
        if (llm.Length > 0) parts.Add("taalmodel: " + string.Join(", ", llm));
        return string.Join(" · ", parts);
    }
}

using PolicyLens.Learning.Features;
using PolicyLens.Learning.Model;
using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Learning.Tests;

/// <summary>Small rule sets, models and gold passages built in code, so the tests do not depend on the shipped files.</summary>
internal static class TestSupport
{
    public static RuleTagger Rules() => new(new RuleSet(
    [
        new LabelRules("element", "herhaalde-ontmoetingen", "herhaalde ontmoetingen", "test", ["doe iets"], [new TermRule("buurthuis", ["buurthuis*"])]),
        new LabelRules("element", "bezig-zijn", "bezig zijn", "test", ["doe iets"], [new TermRule("sport", ["sport*"])]),
        new LabelRules("type", "sociaal", "sociale eenzaamheid", "test", ["doe iets"], [new TermRule("eenzaam", ["eenzaam*"])]),
        new LabelRules("level", "universeel", "universeel", "test", ["doe iets"], [new TermRule("iedereen", ["iedereen"])],
            requiresTags: ["element", "type"], fallback: true),
    ], "sha256:test"));

    public static ModelProvenance Provenance(string rules = "sha256:test") =>
        new([new TrainingSource("gold.jsonl", "abc", 3)], rules, "test settings", DateTimeOffset.UnixEpoch);

    /// <summary>A model that gives a label when one feature is present (weight 4 against bias −2: p = 0.88).</summary>
    public static TaggerModel OneWordModel(string feature, string dimension, string label, CombinationPolicy policy, double threshold = 0.5,
        FeatureOptions? options = null)
    {
        var features = new[] { feature, "w:zzz" };
        var labels = new List<LabelModel> { new(dimension, label, -2f, [4f, 0f], threshold, policy) };
        return new TaggerModel(features, labels, options ?? new FeatureOptions(), Provenance());
    }

    public static GoldPassage Gold(string id, string doc, string text, string[] element, string[]? type = null, string[]? level = null,
        string[]? headings = null) =>
        new(id, doc, text, new Dictionary<string, IReadOnlyList<string>>
        {
            ["element"] = element, ["type"] = type ?? [], ["level"] = level ?? [],
        }, headings);

    public static string RepoRoot()
    {
        var root = Checkout.FindRoot(AppContext.BaseDirectory);
        return root ?? throw new InvalidOperationException("The tests run inside the PolicyLens checkout.");
    }
}

using PolicyLens.Tagging;

namespace PolicyLens.Tests.Tagging;

/// <summary>Small rule sets built in code, so matcher tests do not depend on the shipped rule files.</summary>
internal static class TestRules
{
    public static TermRule Rule(string id, params string[] terms) => new(id, terms);

    public static LabelRules Label(string dimension, string id, params TermRule[] rules) =>
        new(dimension, id, id, "test label", ["doe iets"], rules);

    public static RuleTagger Tagger(params LabelRules[] labels) => new(new RuleSet(labels, "test"));

    public static IReadOnlyList<string> Labels(this RuleTagger tagger, string text, params string[] headings) =>
        tagger.Tag(new TaggingInput(text, headings)).Select(t => $"{t.Dimension}:{t.Label}").ToArray();
}

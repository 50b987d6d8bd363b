using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Readers.Tests.Rules;

/// <summary>Every example sentence in rules/*.yaml, each as its own case so a failure names its label.</summary>
public class ShippedRuleExamples
{
    private static readonly Lazy<RuleTagger> Tagger = new(() => new RuleTagger(RuleSetLoader.LoadOrThrow(RepositoryPaths.Rules)));

    public static TheoryData<string, string, int, string> Examples()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var label in Tagger.Value.RuleSet.Labels)
            for (var i = 0; i < label.Examples.Count; i++)
                data.Add(label.FullId, label.Examples[i].Positive ? "positive" : "negative", i, label.Examples[i].Text);
        return data;
    }

    [Fact]
    public void The_shipped_rule_files_load_without_problems()
    {
        var result = RuleSetLoader.LoadDirectory(RepositoryPaths.Rules);
        Assert.True(result.Success, result.Describe());
    }

    [Fact]
    public void Every_label_of_the_framework_has_rules_and_both_kinds_of_examples()
    {
        var labels = Tagger.Value.RuleSet.Labels;
        foreach (var dimension in LabelCatalog.Dimensions)
            foreach (var id in LabelCatalog.IdsOf(dimension))
            {
                var label = Assert.Single(labels, l => l.Dimension == dimension && l.Id == id);
                Assert.True(label.Examples.Any(e => e.Positive) && label.Examples.Any(e => !e.Positive), $"{label.FullId} needs positive and negative examples");
                Assert.True(label.SuggestedActions.Count >= 2, $"{label.FullId} needs at least two suggested actions");
            }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_holds(string label, string kind, int index, string text)
    {
        var definition = Tagger.Value.RuleSet.Labels.Single(l => l.FullId == label);
        var failure = RuleExamples.Check(Tagger.Value, definition, definition.Examples[index]);
        Assert.True(failure is null, $"{kind} example {index} of {label}: {failure} — \"{text}\"");
    }
}

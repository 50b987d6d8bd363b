using PolicyLens.Learning.Model;
using PolicyLens.Tagging;

namespace PolicyLens.Learning.Tests;

public class CombinedTagging
{
    private static ModelTagger Tagger(CombinationPolicy policy, string feature = "w:koffie", string label = "herhaalde-ontmoetingen") =>
        new(TestSupport.Rules(), TestSupport.OneWordModel(feature, "element", label, policy), "model:test");

    private static string[] Labels(IPassageTagger tagger, string text) =>
        tagger.Tag(new TaggingInput(text)).Select(t => $"{t.Dimension}:{t.Label}").ToArray();

    [Fact]
    public void A_model_only_tag_names_the_words_that_weighed_most_with_their_span_and_weight()
    {
        var text = "Elke week drinken buren samen koffie.";
        var tag = Tagger(CombinationPolicy.Model).Tag(new TaggingInput(text)).Single(t => t.Label == "herhaalde-ontmoetingen");
        var evidence = Assert.Single(tag.Evidence);
        Assert.Equal("model.element.herhaalde-ontmoetingen", evidence.RuleId);
        Assert.Equal("koffie", evidence.MatchedText);
        Assert.Equal("koffie", text.Substring(evidence.Start, evidence.Length));
        Assert.Equal("w:koffie", evidence.Term);
        Assert.Equal(4, evidence.Weight, 3);
        Assert.InRange(tag.Score, 1.5, 2.0);
    }

    [Fact]
    public void With_policy_rules_the_model_is_not_asked()
    {
        var tagger = Tagger(CombinationPolicy.Rules);
        Assert.DoesNotContain("element:herhaalde-ontmoetingen", Labels(tagger, "Buren drinken samen koffie."));
        Assert.Contains("element:herhaalde-ontmoetingen", Labels(tagger, "Het buurthuis gaat open."));
    }

    [Fact]
    public void With_policy_model_a_rule_hit_the_model_rejects_is_dropped()
    {
        var tagger = Tagger(CombinationPolicy.Model);
        Assert.DoesNotContain("element:herhaalde-ontmoetingen", Labels(tagger, "Het buurthuis gaat open."));
        Assert.Contains("element:herhaalde-ontmoetingen", Labels(tagger, "Buren drinken samen koffie."));
    }

    [Fact]
    public void With_policy_either_rules_or_model_suffice_and_both_keep_their_evidence()
    {
        var tagger = Tagger(CombinationPolicy.Either);
        Assert.Contains("element:herhaalde-ontmoetingen", Labels(tagger, "Het buurthuis gaat open."));
        Assert.Contains("element:herhaalde-ontmoetingen", Labels(tagger, "Buren drinken samen koffie."));
        var tag = tagger.Tag(new TaggingInput("Koffie in het buurthuis.")).Single(t => t.Label == "herhaalde-ontmoetingen");
        Assert.Contains(tag.Evidence, e => e.RuleId == "element.herhaalde-ontmoetingen.buurthuis");
        Assert.Contains(tag.Evidence, e => e.RuleId == "model.element.herhaalde-ontmoetingen");
    }

    [Fact]
    public void With_policy_both_the_rules_tag_stands_only_when_the_model_agrees()
    {
        var tagger = Tagger(CombinationPolicy.Both);
        Assert.DoesNotContain("element:herhaalde-ontmoetingen", Labels(tagger, "Het buurthuis gaat open."));
        Assert.DoesNotContain("element:herhaalde-ontmoetingen", Labels(tagger, "Buren drinken samen koffie."));
        Assert.Contains("element:herhaalde-ontmoetingen", Labels(tagger, "Koffie in het buurthuis."));
    }

    [Fact]
    public void Dimensions_the_model_does_not_learn_stay_with_the_rules()
    {
        // The model only knows the element; type and the rules' other elements pass through unchanged.
        var tags = Labels(Tagger(CombinationPolicy.Model), "Sport tegen eenzaamheid.");
        Assert.Contains("type:sociaal", tags);
    }

    [Fact]
    public void A_level_without_an_element_or_a_loneliness_type_is_dropped()
    {
        var features = new[] { "w:iederen", "w:zzz" };
        var model = new TaggerModel(features, [new LabelModel("level", "universeel", -2f, [4f, 0f], 0.5, CombinationPolicy.Model)],
            new Features.FeatureOptions(), TestSupport.Provenance());
        var tagger = new ModelTagger(TestSupport.Rules(), model, "model:test");
        Assert.DoesNotContain("level:universeel", Labels(tagger, "Dit geldt voor iedereen."));
        Assert.Contains("level:universeel", Labels(tagger, "Sport voor iedereen."));
    }

    [Fact]
    public void Explain_reports_probability_threshold_and_both_verdicts_per_learned_label()
    {
        var (_, verdicts) = Tagger(CombinationPolicy.Either).Explain(new TaggingInput("Koffie in het buurthuis."));
        var v = Assert.Single(verdicts);
        Assert.True(v.ByRules);
        Assert.True(v.ByModel);
        Assert.True(v.Given);
        Assert.Equal(1 / (1 + Math.Exp(-2)), v.Probability, 6);
    }

    [Fact]
    public void The_combined_version_names_rules_and_model_so_a_new_model_is_a_new_analysis()
    {
        var tagger = Tagger(CombinationPolicy.Model);
        Assert.Equal("sha256:test+model:test", tagger.RuleSetVersion);
    }
}

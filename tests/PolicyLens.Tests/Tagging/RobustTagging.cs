using System.Text;
using PolicyLens.Tagging;
using static PolicyLens.Tests.Tagging.TestRules;

namespace PolicyLens.Tests.Tagging;

public class RobustTagging
{
    private static readonly RuleTagger Tagger = TestRules.Tagger(
        Label("type", "sociaal", Rule("eenzaam", "eenzaam*", "*eenzaam*")),
        Label("element", "herhaalde-ontmoetingen", Rule("ontmoeten", "*ontmoet*")),
        Label("element", "betekenisvol-contact", Rule("maatje", "*maatje*", "vriendschap*")));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("1234 5678 — €€€ !!! ### 2026: 1.000.000; 2027: 0")]
    [InlineData("Loneliness is a growing concern among older adults in the city.")]
    [InlineData("Одиночество — серьёзная проблема.")]
    [InlineData("\u00AD\u00AD\u00AD")]
    public void Text_without_Dutch_terms_gets_no_tags_and_no_error(string text)
    {
        Assert.Empty(Tagger.Tag(new TaggingInput(text)));
    }

    [Fact]
    public void A_soft_hyphen_inside_a_word_does_not_split_it()
    {
        const string text = "De een\u00ADzaam\u00ADheid groeit.";
        var tag = Assert.Single(Tagger.Tag(new TaggingInput(text)));
        Assert.Equal("een\u00ADzaam\u00ADheid", tag.Evidence[0].MatchedText);
    }

    [Fact]
    public void An_enormous_passage_is_tagged_without_error()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 60_000; i++) builder.Append("Wekelijks ontmoeten buren elkaar bij de koffie. ");
        var tags = Tagger.Tag(new TaggingInput(builder.ToString()));
        var tag = Assert.Single(tags);
        Assert.Equal(RuleSetOptionsDefaults.MaxEvidencePerRule, tag.Evidence.Count);
    }

    [Fact]
    public void The_same_input_gives_the_same_tags_in_the_same_order_on_any_thread()
    {
        var texts = Enumerable.Range(0, 200)
            .Select(i => $"Passage {i}: een maatje voor wie eenzaam is, en ontmoetingen in de wijk {i % 7}.")
            .ToArray();
        string Render(string t) => string.Join("|", Tagger.Tag(new TaggingInput(t))
            .Select(x => $"{x.Dimension}:{x.Label}:{x.Score}:" + string.Join(",", x.Evidence.Select(e => $"{e.RuleId}@{e.Start}+{e.Length}"))));
        var sequential = texts.Select(Render).ToArray();
        var parallel = new string[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Render(texts[i]));
        Assert.Equal(sequential, parallel);
        Assert.Equal(sequential, texts.Select(Render).ToArray());
    }

    private static class RuleSetOptionsDefaults
    {
        public static int MaxEvidencePerRule => new RuleSetOptions().MaxEvidencePerRule;
    }
}

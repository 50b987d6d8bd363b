using PolicyLens.Tagging;
using static PolicyLens.Tests.Tagging.TestRules;

namespace PolicyLens.Tests.Tagging;

public class TermMatching
{
    private static readonly RuleTagger Meeting = Tagger(Label("element", "herhaalde-ontmoetingen", Rule("ontmoeten", "*ontmoet*")));

    [Theory]
    [InlineData("We ontmoeten elkaar in de buurt.")]
    [InlineData("Hij ontmoet zijn buren.")]
    [InlineData("Er zijn wekelijkse ontmoetingen.")]
    [InlineData("Een nieuw buurtontmoetingscentrum opent in mei.")]
    [InlineData("De ontmoetingsplek op het plein.")]
    [InlineData("ONTMOETING voor iedereen")]
    public void A_starred_stem_matches_inflections_and_compounds(string text)
    {
        Assert.Equal(["element:herhaalde-ontmoetingen"], Meeting.Labels(text));
    }

    [Fact]
    public void A_plain_word_does_not_fire_inside_a_longer_word()
    {
        var tagger = Tagger(Label("type", "existentieel", Rule("zin", "zin")));
        Assert.Empty(tagger.Labels("De kinderen zingen een lied."));
        Assert.Empty(tagger.Labels("Een moment van bezinning."));
        Assert.Equal(["type:existentieel"], tagger.Labels("Het leven heeft zin."));
    }

    [Fact]
    public void A_trailing_star_fires_on_words_that_start_with_the_stem_only()
    {
        var tagger = Tagger(Label("type", "existentieel", Rule("zin", "zin*")));
        Assert.Equal(["type:existentieel"], tagger.Labels("De kinderen zingen een lied."));
        Assert.Empty(tagger.Labels("Een moment van bezinning."));
    }

    [Fact]
    public void A_leading_star_fires_on_words_that_end_with_the_literal()
    {
        var tagger = Tagger(Label("element", "bestaanszekerheid", Rule("armoede", "*armoede")));
        Assert.Equal(["element:bestaanszekerheid"], tagger.Labels("Kinderarmoede neemt toe."));
        Assert.Empty(tagger.Labels("De armoedegrens stijgt."));
    }

    [Fact]
    public void Diacritics_in_the_text_and_in_the_term_do_not_matter()
    {
        var tagger = Tagger(Label("type", "existentieel", Rule("e", "existentiële eenzaamheid")));
        Assert.Equal(["type:existentieel"], tagger.Labels("Existentiele eenzaamheid is weinig bekend."));
    }

    [Fact]
    public void A_phrase_matches_only_when_its_words_follow_each_other()
    {
        var tagger = Tagger(Label("element", "praktische-ondersteuning", Rule("zb", "zorgzame buurt*")));
        Assert.Equal(["element:praktische-ondersteuning"], tagger.Labels("Vier zorgzame buurten krijgen steun."));
        Assert.Empty(tagger.Labels("Een zorgzame aanpak in de buurt."));
    }

    [Fact]
    public void Evidence_spans_point_at_the_matched_words_in_the_original_text()
    {
        const string text = "In het Buurtontmoetingscentrum ‘De Kôm’ ontmoeten we elkaar.";
        var tag = Assert.Single(Meeting.Tag(new TaggingInput(text)));
        Assert.All(tag.Evidence, e => Assert.Equal(e.MatchedText, text.Substring(e.Start, e.Length)));
        Assert.Equal(["Buurtontmoetingscentrum", "ontmoeten"], tag.Evidence.Select(e => e.MatchedText));
        Assert.Equal("element.herhaalde-ontmoetingen.ontmoeten", tag.Evidence[0].RuleId);
        Assert.Equal("*ontmoet*", tag.Evidence[0].Term);
    }

    [Fact]
    public void A_rule_counts_once_however_often_it_matches()
    {
        var tag = Assert.Single(Meeting.Tag(new TaggingInput("ontmoeten ontmoeten ontmoeten")));
        Assert.Equal(1.0, tag.Score);
        Assert.Equal(3, tag.Evidence.Count);
    }
}

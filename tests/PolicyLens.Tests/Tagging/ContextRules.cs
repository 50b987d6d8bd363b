using PolicyLens.Tagging;
using static PolicyLens.Tests.Tagging.TestRules;

namespace PolicyLens.Tests.Tagging;

public class ContextRules
{
    [Fact]
    public void A_negative_context_that_overlaps_the_term_vetoes_it()
    {
        var tagger = Tagger(
            Label("type", "sociaal", new TermRule("eenzaam", ["eenzaam*"], not: ["emotionele eenzaam*"])),
            Label("element", "maatschappelijk-vertrouwen", new TermRule("veilig", ["*veiligheid"], not: ["verkeersveilig*"])));
        Assert.Equal(["type:sociaal"], tagger.Labels("Sociale eenzaamheid neemt toe."));
        Assert.Empty(tagger.Labels("Na het verlies groeit de emotionele eenzaamheid."));
        Assert.Empty(tagger.Labels("We investeren in verkeersveiligheid."));
        Assert.Equal(["element:maatschappelijk-vertrouwen"], tagger.Labels("De sociale veiligheid in de wijk."));
    }

    [Fact]
    public void A_negative_context_within_the_window_vetoes_the_term_and_one_further_away_does_not()
    {
        var tagger = Tagger(Label("element", "sociaal-emotionele-competenties",
            new TermRule("weerbaar", ["weerbaar*"], not: ["fraude"], notWithin: 5)));
        Assert.Empty(tagger.Labels("Senioren worden weerbaar gemaakt tegen fraude."));
        Assert.Equal(["element:sociaal-emotionele-competenties"],
            tagger.Labels("Tieners worden weerbaar en sterk in hun schoenen. In een heel ander hoofdstuk van dit plan gaat het over fraude."));
    }

    [Fact]
    public void A_near_rule_needs_its_companion_within_the_window()
    {
        var tagger = Tagger(Label("element", "maatschappelijk-vertrouwen",
            new TermRule("vertrouwen", ["vertrouwen"], near: ["overheid", "gemeente"], nearWithin: 4)));
        Assert.Equal(["element:maatschappelijk-vertrouwen"], tagger.Labels("Het vertrouwen in de lokale overheid daalt."));
        Assert.Empty(tagger.Labels("Wij hebben vertrouwen dat de nieuwe brug op tijd klaar is, zegt de aannemer aan de gemeente."));
    }

    [Fact]
    public void A_required_term_must_occur_somewhere_in_the_same_text()
    {
        var tagger = Tagger(Label("focus", "werk",
            new TermRule("werk", ["werkgever*"], requires: ["eenzaam*"])));
        Assert.Empty(tagger.Labels("Werkgevers krijgen een premie."));
        Assert.Equal(["focus:werk"], tagger.Labels("Werkgevers letten op werknemers die eenzaam zijn."));
    }

    [Fact]
    public void The_longest_match_wins_within_a_dimension()
    {
        var tagger = Tagger(
            Label("element", "praktische-ondersteuning", Rule("zb", "zorgzame buurt*")),
            Label("element", "herhaalde-ontmoetingen", Rule("buurt", "buurt*")),
            Label("domain", "ruimte", Rule("buurt", "buurt*")));
        Assert.Equal(["element:praktische-ondersteuning", "domain:ruimte"], tagger.Labels("We bouwen zorgzame buurten uit."));
        Assert.Equal(["element:herhaalde-ontmoetingen", "domain:ruimte"], tagger.Labels("Een feest in de buurt."));
    }

    [Fact]
    public void Weights_add_up_across_rules_to_reach_the_threshold()
    {
        var label = new LabelRules("element", "toegankelijkheid", "t", "d", [],
            [new TermRule("a", ["toegankelijk*"], weight: 0.6), new TermRule("b", ["voor iedereen"], weight: 0.5)]);
        var tagger = Tagger(label);
        Assert.Empty(tagger.Labels("Het gebouw is toegankelijk."));
        var tag = Assert.Single(tagger.Tag(new TaggingInput("Het gebouw is toegankelijk voor iedereen.")));
        Assert.Equal(1.1, tag.Score, 6);
    }

    [Fact]
    public void A_passage_inherits_evidence_from_its_headings_with_a_lower_weight()
    {
        var tagger = Tagger(Label("type", "sociaal",
            new TermRule("eenzaam", ["eenzaam*"]), new TermRule("buren", ["buren"], weight: 0.5)));
        Assert.Empty(tagger.Labels("We bellen de buren op."));
        var tag = Assert.Single(tagger.Tag(new TaggingInput("We bellen de buren op.", ["Actieplan: eenzaamheid voorkomen"])));
        var fromHeading = Assert.Single(tag.Evidence, e => e.Source == EvidenceSource.Heading);
        Assert.Equal(0, fromHeading.HeadingIndex);
        Assert.Equal("eenzaamheid", fromHeading.MatchedText);
        Assert.Equal(0.5, fromHeading.Weight);
        Assert.Equal(1.0, tag.Score, 6);
        Assert.Empty(tagger.Labels("Een zin zonder aanknopingspunt.", "Actieplan: eenzaamheid voorkomen"));
    }

    [Fact]
    public void A_fallback_label_fills_an_empty_dimension_only_when_its_required_tags_are_present()
    {
        var universal = new LabelRules("level", "universeel", "u", "d", [], [], requiresTags: ["element"], fallback: true);
        var selective = new LabelRules("level", "selectief", "s", "d", [], [Rule("m", "mantelzorg*")], requiresTags: ["element"]);
        var tagger = Tagger(Label("element", "praktische-ondersteuning", Rule("hulp", "burenhulp", "mantelzorg*")), universal, selective);
        Assert.Equal(["element:praktische-ondersteuning", "level:universeel"], tagger.Labels("Burenhulp in elke straat."));
        Assert.Equal(["element:praktische-ondersteuning", "level:selectief"], tagger.Labels("Steun voor mantelzorgers."));
        Assert.Empty(tagger.Labels("Een nieuwe rotonde."));
        var fallback = tagger.Tag(new TaggingInput("Burenhulp in elke straat."))[1];
        Assert.Equal("level.universeel.fallback", fallback.Evidence[0].RuleId);
        Assert.Equal("Burenhulp", fallback.Evidence[0].MatchedText);
    }
}

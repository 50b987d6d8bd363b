using PolicyLens.Learning.Features;
using PolicyLens.Tagging;

namespace PolicyLens.Learning.Tests;

public class FeatureExtraction
{
    private static (FeatureBag Bag, Dictionary<ulong, string> Names) Extract(TaggingInput input, FeatureOptions? options = null,
        IReadOnlyList<PassageTag>? tags = null)
    {
        var bag = new FeatureBag();
        var names = new Dictionary<ulong, string>();
        new PassageFeaturizer(options).Extract(input, tags ?? [], bag, names);
        return (bag, names);
    }

    [Fact]
    public void Words_become_dutch_stems_and_stop_words_are_left_out()
    {
        var (bag, names) = Extract(new TaggingInput("De ontmoetingen in het buurthuis"));
        var keys = bag.Values.Keys.Select(k => names[k]).ToHashSet();
        Assert.Contains("w:ontmoet", keys);
        Assert.Contains("w:buurthuis", keys);
        Assert.DoesNotContain("w:de", keys);
        Assert.DoesNotContain("w:het", keys);
    }

    [Fact]
    public void Adjacent_content_words_form_a_bigram_with_a_span_over_both()
    {
        var text = "Wekelijkse ontmoetingen";
        var (bag, names) = Extract(new TaggingInput(text));
        var bigram = bag.Occurrences.Single(o => names[o.Key].StartsWith("b:", StringComparison.Ordinal));
        Assert.Equal("b:wekelijk|ontmoet", names[bigram.Key]);
        Assert.Equal(text, text[bigram.Start..bigram.End]);
    }

    [Fact]
    public void Long_words_give_character_ngrams_so_the_parts_of_a_compound_count()
    {
        var (bag, names) = Extract(new TaggingInput("buurtontmoetingscentrum"));
        var keys = bag.Values.Keys.Select(k => names[k]).ToHashSet();
        Assert.Contains("c:ontmo", keys);
        Assert.Contains("c:<buur", keys);
    }

    [Fact]
    public void Heading_words_are_features_of_their_own_and_point_into_their_heading()
    {
        var input = new TaggingInput("We renoveren de zaal.", ["Actieplan 2.1: Eenzaamheid voorkomen"]);
        var (bag, names) = Extract(input);
        var heading = bag.Occurrences.First(o => names[o.Key] == "h:eenzam");
        Assert.Equal(EvidenceSource.Heading, heading.Source);
        Assert.Equal(0, heading.HeadingIndex);
        Assert.Equal("Eenzaamheid", input.Headings[0][heading.Start..heading.End]);
    }

    [Fact]
    public void The_rules_verdicts_are_features_with_the_spans_of_their_evidence()
    {
        var rules = TestSupport.Rules();
        var input = new TaggingInput("Het buurthuis gaat open.");
        var (bag, names) = Extract(input, tags: rules.Tag(input));
        var keys = bag.Values.Keys.Select(k => names[k]).ToHashSet();
        Assert.Contains("t:element:herhaalde-ontmoetingen", keys);
        Assert.Contains("r:element.herhaalde-ontmoetingen.buurthuis", keys);
        var rule = bag.Occurrences.First(o => names[o.Key] == "r:element.herhaalde-ontmoetingen.buurthuis");
        Assert.Equal("buurthuis", input.Text[rule.Start..rule.End]);
    }

    [Fact]
    public void Numbers_and_soft_hyphens_do_not_make_features_of_their_own()
    {
        var (bag, names) = Extract(new TaggingInput("In 2026 komt er een buurt\u00ADhuis"));
        var keys = bag.Values.Keys.Select(k => names[k]).ToHashSet();
        Assert.DoesNotContain(keys, k => k.Contains("2026", StringComparison.Ordinal));
        Assert.Contains("w:buurthuis", keys);
    }

    [Fact]
    public void The_hash_of_a_key_is_the_hash_the_featurizer_computes_without_a_string()
    {
        var (bag, names) = Extract(new TaggingInput("vrijwilligers"));
        foreach (var key in bag.Values.Keys) Assert.Equal(key, FeatureKey.Hash(names[key]));
    }
}

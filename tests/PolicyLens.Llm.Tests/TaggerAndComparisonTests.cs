using PolicyLens.Coverage;
using PolicyLens.Passages;
using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;
using static PolicyLens.Llm.Tests.TestSupport;

namespace PolicyLens.Llm.Tests;

public sealed class TaggerAndComparisonTests
{
    /// <summary>Fixed answers per passage text; a text not listed gets a malformed reply.</summary>
    internal static FakeReply Fixed(FakeRequest request) => request.Passage switch
    {
        "Wekelijkse buurtlunch voor alle bewoners." => Answer(("element", "herhaalde-ontmoetingen", "buurtlunch"),
            ("element", "bezig-zijn", "Wekelijkse buurtlunch"), ("type", "sociaal", "buurtlunch")),
        "Maatjes bezoeken eenzame ouderen thuis." => Answer(("element", "betekenisvol-contact", "Maatjes bezoeken"),
            ("type", "emotioneel", "eenzame ouderen"), ("level", "geindiceerd", "eenzame ouderen")),
        _ => new FakeReply("geen idee"),
    };

    internal static IReadOnlyList<GoldPassage> Gold { get; } =
    [
        new("g1", "d", "Wekelijkse buurtlunch voor alle bewoners.", Labels(["herhaalde-ontmoetingen"], ["sociaal"], ["universeel"])),
        new("g2", "d", "Maatjes bezoeken eenzame ouderen thuis.", Labels(["betekenisvol-contact"], ["sociaal"], ["geindiceerd"])),
        new("g3", "d", "Budget 2026: 12.000 euro.", Labels([], [], [])),
    ];

    private static Dictionary<string, IReadOnlyList<string>> Labels(string[] element, string[] type, string[] level) =>
        new() { ["element"] = element, ["type"] = type, ["level"] = level };

    private static IReadOnlyList<LabelInfo> AllLabels { get; } =
        [.. LabelCatalog.Dimensions.SelectMany(d => LabelCatalog.IdsOf(d).Select(id => new LabelInfo(d, id, id, "", [])))];

    [Fact]
    public async Task Evaluating_the_llm_tagger_gives_exactly_the_figures_its_answers_deserve()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Fixed);
        using var reviewer = Reviewer(server.Endpoint);
        var tagger = new LlmPassageTagger(reviewer, AllLabels);
        await tagger.PrepareAsync([.. Gold.Select(g => new TaggingInput(g.Text, g.Headings))]);
        var report = Evaluator.Evaluate(tagger, Gold);

        // element: tp herhaalde-ontmoetingen + betekenisvol-contact, fp bezig-zijn → P 2/3, R 1
        Assert.Equal(Prf.From(2, 1, 0), report.Dimension("element")!.Micro);
        // type: tp sociaal (g1), fp emotioneel and fn sociaal (g2)
        Assert.Equal(Prf.From(1, 1, 1), report.Dimension("type")!.Micro);
        // level: fn universeel (g1), tp geindiceerd (g2)
        Assert.Equal(Prf.From(1, 0, 1), report.Dimension("level")!.Micro);
        Assert.Equal(Prf.From(4, 2, 2), report.OverallMicro);
        Assert.Equal(1, tagger.Failures); // g3: malformed twice
        Assert.Equal(FailureKind.MalformedReply, tagger.FirstFailure!.Kind);
        Assert.StartsWith("llm:fake-model / p", report.RuleSetVersion);
        Assert.Equal(3 + 1, server.Calls); // g3 asked twice; Tag asked nothing more
        Assert.Equal(["element", "type", "level"], tagger.Labels.Select(l => l.Dimension).Distinct());
    }

    [Fact]
    public async Task Llm_tags_carry_the_quote_as_evidence()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Fixed);
        using var reviewer = Reviewer(server.Endpoint);
        var tags = new LlmPassageTagger(reviewer, AllLabels).Tag(new TaggingInput("Maatjes bezoeken eenzame ouderen thuis."));

        var contact = Assert.Single(tags, t => t.Label == "betekenisvol-contact");
        var evidence = Assert.Single(contact.Evidence);
        Assert.Equal(("llm:fake-model", "Maatjes bezoeken", 0, 16), (evidence.RuleId, evidence.MatchedText, evidence.Start, evidence.Length));
    }

    [Fact]
    public void The_comparison_marks_each_tag_as_both_rules_only_or_llm_only_and_counts_agreement_per_label()
    {
        var (passages, reviews) = Plan();
        var opinion = SecondOpinion.Compare(passages, reviews, AllLabels);

        var first = opinion.Passage(0)!;
        Assert.Equal(
            ["Both:element:herhaalde-ontmoetingen", "RulesOnly:level:universeel", "LlmOnly:element:bezig-zijn"],
            first.Tags.Select(t => $"{t.Agreement}:{t.Dimension}:{t.Label}"));
        Assert.Equal("buurtlunch", first.Tags.Single(t => t.Label == "bezig-zijn").LlmLabel!.Quote);
        Assert.False(opinion.Passage(1)!.Reviewed);
        Assert.Empty(opinion.Passage(1)!.Tags);
        Assert.Equal(1, opinion.Reviewed);
        var meeting = opinion.Labels.Single(l => l.Label.Id == "herhaalde-ontmoetingen");
        Assert.Equal((1, 0, 0, 1.0), (meeting.Both, meeting.RulesOnly, meeting.LlmOnly, meeting.Share));
        Assert.Null(opinion.Labels.Single(l => l.Label.Id == "gemeenschapszin").Share);
        Assert.Equal(1.0 / 3, opinion.Share);
        Assert.DoesNotContain(opinion.Labels, l => l.Label.Dimension == "domain");
    }

    [Theory]
    [InlineData(TagSource.Rules, "domain:wonen element:herhaalde-ontmoetingen level:universeel")]
    [InlineData(TagSource.Llm, "domain:wonen element:herhaalde-ontmoetingen element:bezig-zijn")]
    [InlineData(TagSource.Agreed, "domain:wonen element:herhaalde-ontmoetingen")]
    [InlineData(TagSource.Either, "domain:wonen element:herhaalde-ontmoetingen level:universeel element:bezig-zijn")]
    public void The_coverage_uses_the_tags_the_user_chose_and_unanswered_passages_keep_theirs(TagSource source, string expected)
    {
        var (passages, reviews) = Plan();
        var chosen = SecondOpinion.Select(SecondOpinion.Compare(passages, reviews, AllLabels), source, "m");

        Assert.Equal(expected, string.Join(" ", chosen[0].Tags.Select(t => $"{t.Dimension}:{t.Label}")));
        Assert.Same(passages[1], chosen[1]);
    }

    /// <summary>Two passages: the first reviewed (agrees on one element, adds one, misses the level), the second not.</summary>
    private static (IReadOnlyList<TaggedPassage>, IReadOnlyList<PassageReview?>) Plan()
    {
        const string text = "Een buurtlunch in elke wijk, ook in de nieuwe woonwijk.";
        static PassageTag Rule(string dimension, string label) => new(dimension, label, 1, [new Evidence($"{dimension}.{label}.r", "x", "buurtlunch", 4, 10, 1)]);
        var passages = new[]
        {
            new TaggedPassage(new Passage(0, PassageKind.Paragraph, text, 1, [], 0),
                [Rule("domain", "wonen"), Rule("element", "herhaalde-ontmoetingen"), Rule("level", "universeel")]),
            new TaggedPassage(new Passage(1, PassageKind.Paragraph, "Tweede passage.", 1, [], 60), [Rule("element", "bezig-zijn")]),
        };
        var review = new PassageReview("h", ReviewStatus.Cached,
            [new ReviewedLabel("element", "herhaalde-ontmoetingen", "buurtlunch", 4, 10), new ReviewedLabel("element", "bezig-zijn", "buurtlunch", 4, 10)], [], null);
        return (passages, [review, null]);
    }
}

using PolicyLens.Learning.Model;
using PolicyLens.Learning.Training;
using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Learning.Tests;

public class Training
{
    /// <summary>Twelve documents: passages about coffee mornings carry the meeting element, the others none.</summary>
    private static IReadOnlyList<GoldPassage> Corpus()
    {
        var list = new List<GoldPassage>();
        for (var d = 0; d < 12; d++)
        {
            list.Add(TestSupport.Gold($"d{d}-1", $"doc{d}", $"Elke dinsdag is er een koffieochtend met buren in straat {d}.", ["herhaalde-ontmoetingen"], ["sociaal"], ["universeel"]));
            list.Add(TestSupport.Gold($"d{d}-2", $"doc{d}", $"Buren drinken samen koffie in de wijk, keer {d}.", ["herhaalde-ontmoetingen"], ["sociaal"], ["universeel"]));
            list.Add(TestSupport.Gold($"d{d}-3", $"doc{d}", $"De riolering van de straat wordt vernieuwd, fase {d}.", []));
            list.Add(TestSupport.Gold($"d{d}-4", $"doc{d}", $"Het wegdek en de verlichting worden hersteld, deel {d}.", []));
        }
        return list;
    }

    private static readonly TrainerOptions Small = new() { MinPositives = 5, TuningFolds = 3 };

    private static TaggerModel Train(IReadOnlyList<GoldPassage> gold, TrainerOptions options)
    {
        var trainer = new ModelTrainer(TestSupport.Rules(), options);
        var corpus = trainer.Featurize(gold.Select(TrainingPassage.FromGold).ToArray());
        return trainer.Train(corpus, null, TestSupport.Provenance());
    }

    [Fact]
    public void The_trained_model_gives_the_label_to_an_unseen_passage_about_the_same_thing()
    {
        var model = Train(Corpus(), Small);
        var tagger = new ModelTagger(TestSupport.Rules(), model, "model:test");
        var tags = tagger.Tag(new TaggingInput("In het dorp is er voortaan elke week koffie voor de buren."));
        var tag = Assert.Single(tags, t => t.Label == "herhaalde-ontmoetingen");
        Assert.Contains(tag.Evidence, e => e.RuleId == "model.element.herhaalde-ontmoetingen" && e.MatchedText is "koffie" or "buren");
        Assert.DoesNotContain(tagger.Tag(new TaggingInput("De riolering wordt vernieuwd.")), t => t.Dimension == "element");
    }

    [Fact]
    public void The_same_data_and_settings_give_the_same_model()
    {
        var a = Train(Corpus(), Small);
        var b = Train(Corpus(), Small);
        Assert.Equal(a.Features, b.Features);
        for (var l = 0; l < a.Labels.Count; l++)
        {
            Assert.Equal(a.Labels[l].Weights, b.Labels[l].Weights);
            Assert.Equal((a.Labels[l].Threshold, a.Labels[l].Policy), (b.Labels[l].Threshold, b.Labels[l].Policy));
        }
        Assert.Equal(ModelFile.Serialize(a), ModelFile.Serialize(b));
    }

    [Fact]
    public void A_label_with_too_few_positive_passages_is_left_to_the_rules()
    {
        var model = Train(Corpus(), Small);
        Assert.Equal(CombinationPolicy.Rules, model.Labels.Single(l => l.Label == "bezig-zijn").Policy);
        Assert.NotEqual(CombinationPolicy.Rules, model.Labels.Single(l => l.Label == "herhaalde-ontmoetingen").Policy);
    }

    [Fact]
    public void Rule_examples_teach_only_their_own_label()
    {
        var rules = TestSupport.Rules();
        var label = rules.RuleSet.Labels.First(l => l.Id == "bezig-zijn");
        var example = TrainingPassage.FromExample(label, new LabelExample("Sport voor iedereen.", positive: true), 0);
        Assert.True(example.Has("element", "bezig-zijn"));
        Assert.Null(example.Has("element", "herhaalde-ontmoetingen"));
        Assert.Null(example.Has("type", "sociaal"));
    }

    [Fact]
    public void Cross_validation_never_trains_on_a_document_it_scores()
    {
        var gold = Corpus();
        var seen = new List<(HashSet<string> Train, HashSet<string> Test)>();
        var report = CrossValidation.Run(gold, 4, "spy", train =>
        {
            seen.Add((train.Select(p => p.Doc).ToHashSet(), []));
            return TestSupport.Rules();
        });
        Assert.Equal(4, report.FoldResults.Count);
        var testDocs = report.FoldResults.Select((f, i) => gold.Select(p => p.Doc).Except(seen[i].Train).ToHashSet()).ToArray();
        for (var i = 0; i < 4; i++)
        {
            Assert.NotEmpty(testDocs[i]);
            Assert.Empty(testDocs[i].Intersect(seen[i].Train));
        }
        Assert.Equal(gold.Select(p => p.Doc).Distinct().Count(), testDocs.Sum(t => t.Count));
        Assert.Equal(gold.Count, report.Pooled.Passages);
    }

    [Fact]
    public void The_model_tagger_is_measured_by_document_and_reports_a_spread_across_folds()
    {
        var report = TaggerCrossValidation.Run(TestSupport.Rules(), Corpus(), 3, TaggerKind.Combined, Small);
        var element = report.Pooled.Dimension("element")!;
        Assert.True(element.Micro.F1 > 0.8, $"element F1 {element.Micro.F1}");
        var spread = report.Across(r => r.Dimension("element")?.Micro.F1);
        Assert.InRange(spread.StdDev, 0, 1);
        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());
        Assert.Equal("doc", json.RootElement.GetProperty("splitBy").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("perFold").GetArrayLength());
    }

    [Fact]
    public void Rule_suggestions_find_a_phrase_frequent_in_a_label_and_rare_elsewhere()
    {
        var suggestions = RuleSuggester.Suggest(Corpus(), TestSupport.Rules(), "element", "herhaalde-ontmoetingen");
        Assert.Contains(suggestions, s => s.Example.StartsWith("koffie", StringComparison.Ordinal) && s.Precision == 1.0 && s.Documents >= 2);
        Assert.DoesNotContain(suggestions, s => s.Example.Contains("riolering", StringComparison.Ordinal));
    }
}

using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Readers.Tests.Rules;

/// <summary>
/// A regression guard for the rules alone on ../shared/corpus/dev/gold.jsonl. The rules were
/// written with these passages in view, so these are fitted figures, not a measure of the
/// product (that is the by-document cross-validation in PolicyLens.Learning.Tests); the floors
/// sit a little under what the rules reach, so a rule edit that breaks what worked fails here.
/// </summary>
public class DevSetQuality
{
    private static readonly Lazy<EvaluationReport> Report = new(() =>
    {
        var tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(RepositoryPaths.Rules));
        var gold = GoldFile.Read(RepositoryPaths.DevGold);
        Assert.Empty(gold.Errors);
        return Evaluator.Evaluate(tagger, gold.Passages);
    });

    [Theory]
    [InlineData("element", 0.80, 0.80)]
    [InlineData("type", 0.84, 0.80)]
    [InlineData("level", 0.77, 0.78)]
    public void Dev_set_micro_scores_stay_above_their_floors(string dimension, double f1Floor, double precisionFloor)
    {
        var score = Report.Value.Dimension(dimension)!;
        Assert.True(score.Micro.F1 >= f1Floor, $"{dimension} micro-F1 {score.Micro.F1:0.000} fell below {f1Floor}");
        Assert.True(score.Micro.Precision >= precisionFloor, $"{dimension} micro-precision {score.Micro.Precision:0.000} fell below {precisionFloor}");
    }

    [Fact]
    public void The_dev_set_is_the_one_the_floors_were_set_on()
    {
        Assert.Equal(222, Report.Value.Passages);
    }
}

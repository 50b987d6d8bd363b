using PolicyLens.Learning.Model;
using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Learning.Training;

/// <summary>Which tagger an evaluation measures.</summary>
public enum TaggerKind
{
    /// <summary>The rule set alone.</summary>
    Rules,

    /// <summary>The learned classifier alone: text features only, no rule verdicts, no combination.</summary>
    Model,

    /// <summary>Rules and model combined per label (what the app uses).</summary>
    Combined,
}

/// <summary>
/// By-document cross-validation of the rules, the model or their combination: for each fold the
/// model is trained (and its thresholds and combinations tuned) on the other folds only, plus the
/// rule files' own examples, and scores the held-out documents.
/// </summary>
public static class TaggerCrossValidation
{
    public static TrainerOptions OptionsFor(TaggerKind kind, TrainerOptions? options = null)
    {
        var o = options ?? new TrainerOptions();
        return kind == TaggerKind.Model
            ? o with { Features = o.Features with { RuleHits = false }, Policies = [CombinationPolicy.Model] }
            : o;
    }

    public static CrossValidationReport Run(RuleTagger rules, IReadOnlyList<GoldPassage> gold, int folds, TaggerKind kind,
        TrainerOptions? options = null, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(gold);
        var name = kind.ToString().ToLowerInvariant();
        if (kind == TaggerKind.Rules) return CrossValidation.Run(gold, folds, name, _ => rules, progress);

        var trainerOptions = OptionsFor(kind, options);
        var trainer = new ModelTrainer(rules, trainerOptions);
        var examples = TrainingPassage.FromRuleExamples(rules.RuleSet, trainerOptions.Dimensions);
        var passages = gold.Select(TrainingPassage.FromGold).Concat(examples).ToArray();
        var corpus = trainer.Featurize(passages);
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < gold.Count; i++) indexById[gold[i].Id] = i;
        var exampleIndices = Enumerable.Range(gold.Count, examples.Count).ToArray();
        var provenance = new ModelProvenance([], rules.RuleSetVersion, trainerOptions.Describe(), DateTimeOffset.UnixEpoch);
        var fold = 0;
        return CrossValidation.Run(gold, folds, name, train =>
        {
            var use = train.Select(p => indexById[p.Id]).Concat(exampleIndices).ToArray();
            var model = trainer.Train(corpus, use, provenance);
            return new ModelTagger(rules, model, $"model:fold{fold++}");
        }, progress);
    }
}

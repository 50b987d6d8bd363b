using System.Security.Cryptography;
using PolicyLens.Learning.Model;
using PolicyLens.Learning.Training;
using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Learning.Tests;

/// <summary>The model in rules/model is what `policylens train` makes of the data and settings it records.</summary>
public class ShippedModel
{
    private static readonly string Root = TestSupport.RepoRoot();
    private static readonly string RulesDir = Path.Join(Root, "rules");

    [Fact]
    public void The_shipped_model_loads_and_was_trained_with_the_current_rules_and_default_settings()
    {
        var load = ModelFile.Load(ModelFile.DefaultPath(RulesDir));
        Assert.True(load.Loaded, load.Problem);
        var rules = RuleSetLoader.LoadOrThrow(RulesDir);
        Assert.True(rules.Version == load.Model!.Provenance.RuleSetVersion,
            $"The rules changed since the model was trained ({load.Model.Provenance.RuleSetVersion} → {rules.Version}): run 'policylens train'.");
        Assert.True(new TrainerOptions().Describe() == load.Model.Provenance.Settings,
            "The model was trained with other settings than TrainerOptions' defaults: run 'policylens train'.");
    }

    [Fact]
    public void The_shipped_model_is_the_one_its_recorded_data_and_settings_produce()
    {
        var model = ModelFile.Load(ModelFile.DefaultPath(RulesDir)).Model!;
        var rules = new RuleTagger(RuleSetLoader.LoadOrThrow(RulesDir));
        var gold = new List<GoldPassage>();
        foreach (var source in model.Provenance.Sources.Where(s => s.Name != "rules:examples"))
        {
            var path = Path.GetFullPath(Path.Join(Root, source.Name));
            Assert.True(File.Exists(path), $"{path} (a training source of the model) is missing.");
            using (var stream = File.OpenRead(path))
                Assert.True(source.Sha256 == Convert.ToHexStringLower(SHA256.HashData(stream)), $"{source.Name} changed since the model was trained: run 'policylens train'.");
            gold.AddRange(GoldFile.Read(path).Passages);
        }
        var options = new TrainerOptions();
        var trainer = new ModelTrainer(rules, options);
        var passages = gold.Select(TrainingPassage.FromGold).Concat(TrainingPassage.FromRuleExamples(rules.RuleSet, options.Dimensions)).ToArray();
        var retrained = trainer.Train(trainer.Featurize(passages), null, model.Provenance);

        Assert.Equal(model.Features, retrained.Features);
        for (var l = 0; l < model.Labels.Count; l++)
        {
            var (shipped, again) = (model.Labels[l], retrained.Labels[l]);
            Assert.Equal((shipped.Dimension, shipped.Label, shipped.Policy), (again.Dimension, again.Label, again.Policy));
            Assert.Equal(shipped.Threshold, again.Threshold, 6);
            Assert.Equal(shipped.Bias, again.Bias, 3);
            var worst = shipped.Weights.Zip(again.Weights, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst < 1e-3, $"{shipped.Dimension}:{shipped.Label}: a weight differs by {worst}");
        }
    }
}

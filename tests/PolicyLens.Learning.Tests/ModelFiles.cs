using PolicyLens.Learning.Model;
using PolicyLens.Tagging;

namespace PolicyLens.Learning.Tests;

public sealed class ModelFiles : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("policylens-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_written_model_reads_back_with_the_same_weights_thresholds_policies_and_provenance()
    {
        var model = TestSupport.OneWordModel("w:koffie", "element", "herhaalde-ontmoetingen", CombinationPolicy.Either, 0.375);
        var path = Path.Join(_dir, "m.json");
        ModelFile.Write(model, path);
        var load = ModelFile.Load(path);
        Assert.Null(load.Problem);
        var back = load.Model!;
        Assert.Equal(model.Features, back.Features);
        var label = Assert.Single(back.Labels);
        Assert.Equal((CombinationPolicy.Either, 0.375, -2f), (label.Policy, label.Threshold, label.Bias));
        Assert.Equal(model.Labels[0].Weights, label.Weights);
        Assert.Equal(model.Provenance.DataFingerprint, back.Provenance.DataFingerprint);
        Assert.StartsWith("model:", load.Version);
    }

    [Fact]
    public void A_missing_model_file_is_a_problem_that_names_the_file_not_an_exception()
    {
        var path = Path.Join(_dir, "nowhere.json");
        var load = ModelFile.Load(path);
        Assert.Null(load.Model);
        Assert.Contains(path, load.Problem);
        Assert.Contains("policylens train", load.Problem);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"format\": \"something-else\"}")]
    [InlineData("{\"format\": \"policylens-tagger-model\", \"formatVersion\": 1}")]
    public void A_corrupt_model_file_is_a_problem_that_names_the_file(string content)
    {
        var path = Path.Join(_dir, "bad.json");
        File.WriteAllText(path, content);
        var load = ModelFile.Load(path);
        Assert.Null(load.Model);
        Assert.Contains(path, load.Problem);
        Assert.Contains("not a valid model file", load.Problem);
    }

    [Fact]
    public void A_model_whose_weights_point_past_its_features_is_refused()
    {
        var model = TestSupport.OneWordModel("w:koffie", "element", "bezig-zijn", CombinationPolicy.Model);
        var path = Path.Join(_dir, "m.json");
        ModelFile.Write(model, path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"indices\": [0]", "\"indices\": [7]"));
        Assert.Contains("names feature 7", ModelFile.Load(path).Problem);
    }

    [Fact]
    public void Without_a_model_the_setup_falls_back_to_the_rules_and_says_so_in_dutch()
    {
        var rules = TestSupport.Rules();
        var setup = TaggerSetup.Create(rules, Path.Join(_dir, "absent.json"));
        Assert.Same(rules, setup.Tagger);
        Assert.False(setup.Model.InUse);
        Assert.Contains("alleen uit de regels", setup.Model.DutchNotice);
    }

    [Fact]
    public void A_model_trained_with_other_rules_is_used_with_a_warning()
    {
        var path = Path.Join(_dir, "m.json");
        var model = TestSupport.OneWordModel("w:koffie", "element", "bezig-zijn", CombinationPolicy.Model);
        ModelFile.Write(new TaggerModel(model.Features, model.Labels, model.FeatureOptions, TestSupport.Provenance("sha256:other")), path);
        var setup = TaggerSetup.Create(TestSupport.Rules(), path);
        Assert.True(setup.Model.InUse);
        Assert.IsType<ModelTagger>(setup.Tagger);
        Assert.Contains("sha256:other", setup.Model.Warning);
        Assert.Contains("policylens train", setup.Model.DutchNotice);
    }

    [Fact]
    public void A_model_can_be_switched_off()
    {
        var setup = TaggerSetup.Create(TestSupport.Rules(), Path.Join(_dir, "m.json"), useModel: false);
        Assert.IsType<RuleTagger>(setup.Tagger);
        Assert.Contains("PolicyLens:UseModel", setup.Model.Problem);
    }
}

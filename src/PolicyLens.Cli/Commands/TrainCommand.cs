using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using PolicyLens.Learning.Model;
using PolicyLens.Learning.Training;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens train [--gold FILE]… [--out FILE] [--folds K] [--rules DIR]</c>: trains the
/// classifier beside the rules on labelled passages plus the rules' own examples, measures it by
/// document first, and writes the model file with the data's hashes and the figures it reached.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var goldOption = new Option<string[]>("--gold")
        {
            Description = "Gold file(s) to learn from (default: ../shared/corpus/train and dev gold.jsonl of this checkout).",
            AllowMultipleArgumentsPerToken = false,
        };
        var outOption = new Option<string?>("--out") { Description = "Model file to write (default: rules/model/tagger-model.json of this checkout)." };
        var foldsOption = new Option<int>("--folds") { Description = "Folds of the by-document figures recorded in the model (default 5; 0 skips them).", DefaultValueFactory = _ => 5 };
        var rulesOption = new Option<string?>("--rules") { Description = "Rules directory (default: rules/ next to the executable, else ./rules)." };
        var command = new Command("train", "Train the learned classifier on labelled passages and write the model file.")
        {
            goldOption, outOption, foldsOption, rulesOption,
        };
        command.SetAction(parse =>
        {
            var root = Checkout.FindRoot(Directory.GetCurrentDirectory()) ?? Checkout.FindRoot(AppContext.BaseDirectory);
            var goldPaths = parse.GetValue(goldOption) is { Length: > 0 } given ? given : DefaultGold(root);
            if (goldPaths.Length == 0)
            {
                stderr.WriteLine("No gold files: give --gold FILE (the default ../shared/corpus/*/gold.jsonl is only found inside a checkout).");
                return 1;
            }
            var rulesDirectory = parse.GetValue(rulesOption) ?? (root is null ? RulesLocation.Resolve(null) : Path.Join(root, "rules"));
            var rules = RulesLocation.LoadTagger(rulesDirectory, stderr);
            if (rules is null) return 1;
            var gold = GoldInput.Read(goldPaths, stderr);
            if (gold is null) return 1;
            var outPath = parse.GetValue(outOption) ?? ModelFile.DefaultPath(rulesDirectory);
            var folds = parse.GetValue(foldsOption);
            var watch = System.Diagnostics.Stopwatch.StartNew();

            var figures = new Dictionary<string, double>(StringComparer.Ordinal);
            if (folds >= 2)
            {
                var cv = TaggerCrossValidation.Run(rules, gold, folds, TaggerKind.Combined,
                    progress: (done, all) => stderr.WriteLine($"measuring by document: fold {done}/{all} ({watch.Elapsed.TotalSeconds:0} s)"));
                figures["folds"] = folds;
                foreach (var d in cv.Pooled.Dimensions)
                {
                    figures[$"{d.Dimension}.micro.precision"] = d.Micro.Precision;
                    figures[$"{d.Dimension}.micro.recall"] = d.Micro.Recall;
                    figures[$"{d.Dimension}.micro.f1"] = d.Micro.F1;
                    figures[$"{d.Dimension}.macro.f1"] = d.Macro.F1;
                }
            }
            var options = new TrainerOptions();
            var trainer = new ModelTrainer(rules, options);
            var examples = TrainingPassage.FromRuleExamples(rules.RuleSet, options.Dimensions);
            var sources = goldPaths.Select(p => new TrainingSource(SourceName(p, root), Sha256Of(p), GoldFile.Read(p).Passages.Count)).ToList();
            sources.Add(new TrainingSource("rules:examples", rules.RuleSetVersion, examples.Count));
            var provenance = new ModelProvenance(sources, rules.RuleSetVersion, options.Describe(), DateTimeOffset.UtcNow, figures);
            var corpus = trainer.Featurize(gold.Select(TrainingPassage.FromGold).Concat(examples).ToArray());
            var model = trainer.Train(corpus, null, provenance);
            ModelFile.Write(model, outPath);

            stdout.WriteLine($"model written to {outPath} ({new FileInfo(outPath).Length / 1024} KB, {model.Features.Count} features) in {watch.Elapsed.TotalSeconds:0.0} s");
            stdout.WriteLine($"trained on {gold.Count} gold passages from {gold.Select(CrossValidation.GroupOf).Distinct().Count()} documents and {examples.Count} rule examples");
            foreach (var l in model.Labels)
                stdout.WriteLine($"  {l.Dimension}:{l.Label,-34} {l.Policy.ToString().ToLowerInvariant(),-8} threshold {l.Threshold.ToString("0.000", CultureInfo.InvariantCulture)}");
            if (figures.Count > 0)
                foreach (var dimension in GoldFile.EvaluatedDimensions)
                    if (figures.TryGetValue($"{dimension}.micro.f1", out var f1))
                        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"by document ({folds} folds): {dimension} micro P {figures[$"{dimension}.micro.precision"]:0.000} R {figures[$"{dimension}.micro.recall"]:0.000} F1 {f1:0.000}"));
            return 0;
        });
        return command;
    }

    private static string[] DefaultGold(string? root)
    {
        if (root is null) return [];
        var corpus = Path.GetFullPath(Path.Join(root, "..", "shared", "corpus"));
        return new[] { Path.Join(corpus, "train", "gold.jsonl"), Path.Join(corpus, "dev", "gold.jsonl") }.Where(File.Exists).ToArray();
    }

    /// <summary>A gold file as the model file names it: relative to the checkout with forward slashes when possible.</summary>
    internal static string SourceName(string path, string? root)
    {
        var full = Path.GetFullPath(path);
        return root is null ? Path.GetFileName(full) : Path.GetRelativePath(root, full).Replace('\\', '/');
    }

    internal static string Sha256Of(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (IOException)
        {
            return "";
        }
    }
}

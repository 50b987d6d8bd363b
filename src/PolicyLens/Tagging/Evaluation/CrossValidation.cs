using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyLens.Tagging.Evaluation;

/// <summary>One held-out fold: how many passages and documents it held, and how the tagger fitted without them scored.</summary>
public sealed record FoldResult(int Fold, int TrainPassages, int TestPassages, int TestDocuments, EvaluationReport Report);

/// <summary>Mean and (sample) standard deviation of a figure across folds.</summary>
public readonly record struct Spread(double Mean, double StdDev)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0) return new(0, 0);
        var mean = v.Average();
        var sd = v.Length < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return new(mean, sd);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mean:0.000} ± {StdDev:0.000}");
}

/// <summary>
/// The result of a by-document cross-validation: per fold, and pooled (every passage scored once,
/// by the tagger that did not see its document).
/// </summary>
public sealed record CrossValidationReport(string Tagger, int Folds, IReadOnlyList<FoldResult> FoldResults, EvaluationReport Pooled)
{
    /// <summary>A figure's spread across folds, e.g. <c>r => r.Dimension("element")?.Micro.F1</c>.</summary>
    public Spread Across(Func<EvaluationReport, double?> figure) =>
        Spread.Of(FoldResults.Select(f => figure(f.Report)).Where(x => x.HasValue).Select(x => x!.Value));

    /// <summary>A label's F1 across the folds in which it occurs (in gold or predictions).</summary>
    public Spread LabelF1(string dimension, string label) =>
        Spread.Of(FoldResults.Select(f => f.Report.Dimension(dimension)?.Labels.FirstOrDefault(l => l.Label == label))
            .Where(l => l is not null && l.Support > 0).Select(l => l!.Scores.F1));

    public string ToJson()
    {
        static double R(double v) => Math.Round(v, 4);
        static JsonObject S(Spread s) => new() { ["mean"] = R(s.Mean), ["sd"] = R(s.StdDev) };
        static JsonObject P(Prf s) => new() { ["precision"] = R(s.Precision), ["recall"] = R(s.Recall), ["f1"] = R(s.F1) };
        var dims = new JsonObject();
        foreach (var d in Pooled.Dimensions)
        {
            var labels = new JsonObject();
            foreach (var l in d.Labels)
            {
                var o = P(l.Scores);
                o["support"] = l.Support;
                o["f1AcrossFolds"] = S(LabelF1(d.Dimension, l.Label));
                labels[l.Label] = o;
            }
            var name = d.Dimension;
            dims[name] = new JsonObject
            {
                ["micro"] = P(d.Micro),
                ["macro"] = P(d.Macro),
                ["microF1AcrossFolds"] = S(Across(r => r.Dimension(name)?.Micro.F1)),
                ["microPrecisionAcrossFolds"] = S(Across(r => r.Dimension(name)?.Micro.Precision)),
                ["microRecallAcrossFolds"] = S(Across(r => r.Dimension(name)?.Micro.Recall)),
                ["macroF1AcrossFolds"] = S(Across(r => r.Dimension(name)?.Macro.F1)),
                ["labels"] = labels,
            };
        }
        var folds = new JsonArray();
        foreach (var f in FoldResults)
            folds.Add(new JsonObject
            {
                ["fold"] = f.Fold, ["trainPassages"] = f.TrainPassages, ["testPassages"] = f.TestPassages,
                ["testDocuments"] = f.TestDocuments, ["overallMicro"] = P(f.Report.OverallMicro),
            });
        var root = new JsonObject
        {
            ["tagger"] = Tagger,
            ["folds"] = Folds,
            ["passages"] = Pooled.Passages,
            ["splitBy"] = "doc",
            ["dimensions"] = dims,
            ["overall"] = new JsonObject { ["micro"] = P(Pooled.OverallMicro), ["macro"] = P(Pooled.OverallMacro) },
            ["perFold"] = folds,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}

/// <summary>
/// K-fold cross-validation grouped by document: for each fold, a tagger is fitted on the other
/// folds' passages (<paramref name="fit"/> may train or tune on them; it never sees the held-out
/// documents) and scores the held-out fold.
/// </summary>
public static class CrossValidation
{
    public static CrossValidationReport Run(IReadOnlyList<GoldPassage> gold, int folds, string taggerName,
        Func<IReadOnlyList<GoldPassage>, IPassageTagger> fit, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(fit);
        var foldOf = GroupedFolds.Assign(gold, p => GroupOf(p), folds);
        var predictions = new IReadOnlyList<PassageTag>[gold.Count];
        var results = new List<FoldResult>();
        IReadOnlyList<LabelInfo> labels = [];
        var version = "";
        for (var f = 0; f < folds; f++)
        {
            var train = gold.Where((_, i) => foldOf[i] != f).ToArray();
            var testIndex = Enumerable.Range(0, gold.Count).Where(i => foldOf[i] == f).ToArray();
            var test = testIndex.Select(i => gold[i]).ToArray();
            var tagger = fit(train);
            labels = tagger.Labels;
            version = tagger.RuleSetVersion;
            var tags = test.Select(p => tagger.Tag(new TaggingInput(p.Text, p.Headings))).ToArray();
            for (var j = 0; j < testIndex.Length; j++) predictions[testIndex[j]] = tags[j];
            results.Add(new FoldResult(f, train.Length, test.Length, test.Select(GroupOf).Distinct().Count(),
                Evaluator.Score(test, tags, labels, version)));
            progress?.Invoke(f + 1, folds);
        }
        return new CrossValidationReport(taggerName, folds, results, Evaluator.Score(gold, predictions, labels, version));
    }

    /// <summary>The document a gold passage belongs to; one without a document is a group of its own.</summary>
    public static string GroupOf(GoldPassage passage) =>
        string.IsNullOrWhiteSpace(passage.Doc) ? "passage:" + passage.Id : passage.Doc;
}

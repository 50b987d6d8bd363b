using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyLens.Tagging.Evaluation;

/// <summary>Precision, recall and F1 (0 when undefined).</summary>
public readonly record struct Prf(double Precision, double Recall, double F1)
{
    public static Prf From(int truePositives, int falsePositives, int falseNegatives)
    {
        var p = truePositives + falsePositives == 0 ? 0 : (double)truePositives / (truePositives + falsePositives);
        var r = truePositives + falseNegatives == 0 ? 0 : (double)truePositives / (truePositives + falseNegatives);
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new(p, r, f);
    }
}

public sealed record LabelScore(string Label, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Support => TruePositives + FalseNegatives;
    public Prf Scores => Prf.From(TruePositives, FalsePositives, FalseNegatives);
}

public sealed record DimensionScore(string Dimension, int Passages, Prf Micro, Prf Macro, IReadOnlyList<LabelScore> Labels);

public enum ErrorKind { FalsePositive, FalseNegative }

/// <summary>A label the tagger got wrong on one passage; false positives carry the evidence that misled it.</summary>
public sealed record EvaluationError(string PassageId, string Dimension, string Label, ErrorKind Kind, string Text, IReadOnlyList<Evidence> Evidence);

public sealed record EvaluationReport(int Passages, string RuleSetVersion, IReadOnlyList<DimensionScore> Dimensions,
    Prf OverallMicro, Prf OverallMacro, IReadOnlyList<EvaluationError> Errors)
{
    public DimensionScore? Dimension(string dimension) => Dimensions.FirstOrDefault(d => d.Dimension == dimension);

    /// <summary>
    /// {"passages": N, "ruleSetVersion": "...", "dimensions": {"element": {"micro": {...}, "macro": {...},
    /// "labels": {"bezig-zijn": {"precision","recall","f1","support"}}}}, "overall": {...}, "errors": [...]}.
    /// </summary>
    public string ToJson(bool includeErrors)
    {
        static JsonObject P(Prf s) => new() { ["precision"] = Round(s.Precision), ["recall"] = Round(s.Recall), ["f1"] = Round(s.F1) };
        var dims = new JsonObject();
        foreach (var d in Dimensions)
        {
            var labels = new JsonObject();
            foreach (var l in d.Labels)
            {
                var o = P(l.Scores);
                o["support"] = l.Support;
                labels[l.Label] = o;
            }
            dims[d.Dimension] = new JsonObject { ["micro"] = P(d.Micro), ["macro"] = P(d.Macro), ["labels"] = labels };
        }
        var root = new JsonObject
        {
            ["passages"] = Passages,
            ["ruleSetVersion"] = RuleSetVersion,
            ["dimensions"] = dims,
            ["overall"] = new JsonObject { ["micro"] = P(OverallMicro), ["macro"] = P(OverallMacro) },
        };
        if (includeErrors)
        {
            var errors = new JsonArray();
            foreach (var e in Errors)
            {
                var ev = new JsonArray();
                foreach (var x in e.Evidence)
                    ev.Add(new JsonObject
                    {
                        ["rule"] = x.RuleId, ["term"] = x.Term, ["matched"] = x.MatchedText, ["start"] = x.Start,
                        ["length"] = x.Length, ["weight"] = Round(x.Weight), ["source"] = x.Source.ToString().ToLowerInvariant(),
                    });
                errors.Add(new JsonObject
                {
                    ["passage"] = e.PassageId, ["dimension"] = e.Dimension, ["label"] = e.Label,
                    ["kind"] = e.Kind == ErrorKind.FalsePositive ? "fp" : "fn", ["text"] = e.Text, ["evidence"] = ev,
                });
            }
            root["errors"] = errors;
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static double Round(double v) => Math.Round(v, 4);
}

/// <summary>
/// Tags every gold passage and compares per dimension. A dimension is scored on the passages
/// whose gold lists it (the list is exhaustive there); labels are scored when they occur in the
/// gold or the predictions, and macro averages over those labels.
/// </summary>
public static class Evaluator
{
    public static EvaluationReport Evaluate(IPassageTagger tagger, IReadOnlyList<GoldPassage> gold)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(gold);
        var predictions = gold.Select(p => tagger.Tag(new TaggingInput(p.Text, p.Headings))).ToArray();
        return Score(gold, predictions, tagger.Labels, tagger.RuleSetVersion);
    }

    /// <summary>
    /// Scores tags that were given elsewhere (e.g. each fold of a cross-validation by its own
    /// tagger): <paramref name="predictions"/>[i] are the tags of <paramref name="gold"/>[i].
    /// </summary>
    public static EvaluationReport Score(IReadOnlyList<GoldPassage> gold, IReadOnlyList<IReadOnlyList<PassageTag>> predictions,
        IReadOnlyList<LabelInfo> labelInfo, string version)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labelInfo);
        if (predictions.Count != gold.Count) throw new ArgumentException("One list of tags per gold passage.", nameof(predictions));
        var dimensionOrder = labelInfo.Select(l => l.Dimension).Distinct().ToList();
        var counts = new Dictionary<(string Dim, string Label), int[]>();
        var passagesPerDim = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<EvaluationError>();
        for (var i = 0; i < gold.Count; i++)
        {
            var passage = gold[i];
            var tags = predictions[i];
            foreach (var (dimension, expectedList) in passage.Labels)
            {
                if (!dimensionOrder.Contains(dimension)) dimensionOrder.Add(dimension);
                passagesPerDim[dimension] = passagesPerDim.GetValueOrDefault(dimension) + 1;
                var expected = expectedList.ToHashSet(StringComparer.Ordinal);
                var predicted = tags.Where(t => t.Dimension == dimension).ToDictionary(t => t.Label, StringComparer.Ordinal);
                foreach (var label in expected.Union(predicted.Keys).OrderBy(l => l, StringComparer.Ordinal))
                {
                    if (!counts.TryGetValue((dimension, label), out var c)) counts[(dimension, label)] = c = new int[3];
                    var isExpected = expected.Contains(label);
                    var isPredicted = predicted.TryGetValue(label, out var tag);
                    if (isExpected && isPredicted) c[0]++;
                    else if (isPredicted)
                    {
                        c[1]++;
                        errors.Add(new(passage.Id, dimension, label, ErrorKind.FalsePositive, passage.Text, tag!.Evidence));
                    }
                    else
                    {
                        c[2]++;
                        errors.Add(new(passage.Id, dimension, label, ErrorKind.FalseNegative, passage.Text, []));
                    }
                }
            }
        }

        var labelOrder = labelInfo.Select((l, i) => (l, i)).ToDictionary(x => (x.l.Dimension, x.l.Id), x => x.i);
        var dims = new List<DimensionScore>();
        int allTp = 0, allFp = 0, allFn = 0;
        var allF1 = new List<Prf>();
        foreach (var dimension in dimensionOrder.Where(passagesPerDim.ContainsKey))
        {
            var labels = counts.Where(kv => kv.Key.Dim == dimension)
                .Select(kv => new LabelScore(kv.Key.Label, kv.Value[0], kv.Value[1], kv.Value[2]))
                .OrderBy(l => labelOrder.GetValueOrDefault((dimension, l.Label), int.MaxValue))
                .ThenBy(l => l.Label, StringComparer.Ordinal)
                .ToArray();
            int tp = labels.Sum(l => l.TruePositives), fp = labels.Sum(l => l.FalsePositives), fn = labels.Sum(l => l.FalseNegatives);
            allTp += tp; allFp += fp; allFn += fn;
            var macro = labels.Length == 0
                ? new Prf(0, 0, 0)
                : new Prf(labels.Average(l => l.Scores.Precision), labels.Average(l => l.Scores.Recall), labels.Average(l => l.Scores.F1));
            allF1.AddRange(labels.Select(l => l.Scores));
            dims.Add(new DimensionScore(dimension, passagesPerDim[dimension], Prf.From(tp, fp, fn), macro, labels));
        }
        var overallMacro = allF1.Count == 0
            ? new Prf(0, 0, 0)
            : new Prf(allF1.Average(s => s.Precision), allF1.Average(s => s.Recall), allF1.Average(s => s.F1));
        return new EvaluationReport(gold.Count, version, dims, Prf.From(allTp, allFp, allFn), overallMacro, errors);
    }
}

using PolicyLens.Learning.Features;
using PolicyLens.Learning.Model;
using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Learning.Training;

/// <summary>How the model is trained; the defaults are what grouped cross-validation on train+dev chose.</summary>
public sealed record TrainerOptions
{
    /// <summary>Dimensions the model learns; every other dimension stays with the rules.</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = ["element", "type", "level"];

    public FeatureOptions Features { get; init; } = new();

    /// <summary>L2 penalty of the logistic regression (ML.NET L-BFGS).</summary>
    public float L2 { get; init; } = 1f;

    /// <summary>L1 penalty; keeps the model sparse and readable.</summary>
    public float L1 { get; init; } = 0.5f;

    /// <summary>Weight of a positive passage relative to a negative one (positives are rare).</summary>
    public float PositiveWeight { get; init; } = 2f;

    /// <summary>
    /// Scale each feature by its naive-Bayes log-count ratio for the label before fitting (NBSVM,
    /// Wang &amp; Manning 2012): strong on small text collections. The ratio is folded into the
    /// stored weights, so tagging is unchanged.
    /// </summary>
    public bool NaiveBayesScaling { get; init; } = true;

    /// <summary>Smoothing of the naive-Bayes ratios.</summary>
    public float NaiveBayesAlpha { get; init; } = 1f;

    /// <summary>A feature must occur in at least this many training passages to enter the vocabulary.</summary>
    public int MinFeatureCount { get; init; } = 2;

    /// <summary>A label with fewer positive gold passages than this is left to the rules.</summary>
    public int MinPositives { get; init; } = 10;

    /// <summary>Grouped folds inside the training data that choose each label's threshold and combination.</summary>
    public int TuningFolds { get; init; } = 5;

    /// <summary>
    /// The F-measure the threshold maximises: 1 weighs precision and recall equally, below 1 favours
    /// precision (an advisor must be able to trust a tag).
    /// </summary>
    public double Beta { get; init; } = 0.8;

    /// <summary>The combinations a label may take.</summary>
    /// <remarks>
    /// Default: the rules, the model (which weighs the rules' verdicts as features), or either.
    /// "Either" keeps what a rule states outright ("huisartsen signaleren eenzaamheid" is indicated
    /// prevention) while the model adds what the rules miss; grouped cross-validation found the
    /// three as good as all four combinations, with rules-and-model rarely chosen and unstable.
    /// </remarks>
    public IReadOnlyList<CombinationPolicy> Policies { get; init; } = [CombinationPolicy.Rules, CombinationPolicy.Model, CombinationPolicy.Either];

    /// <summary>Labels trained at the same time (default: one per core); the result does not depend on it.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Drop a level when the passage has no working element and no loneliness type (the guideline's rule).</summary>
    public bool GateLevels { get; init; } = true;

    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"dims={string.Join(',', Dimensions)};{Features.Describe()};l2={L2};l1={L1};pos={PositiveWeight};nb={NaiveBayesScaling}/{NaiveBayesAlpha};minCount={MinFeatureCount};" +
        $"minPos={MinPositives};tuningFolds={TuningFolds};beta={Beta};policies={string.Join(',', Policies)};gate={GateLevels}");
}

/// <summary>Passages featurised once (rule tags and feature keys); folds reuse them.</summary>
public sealed class FeaturizedCorpus
{
    internal FeaturizedCorpus(IReadOnlyList<TrainingPassage> passages, ulong[][] keys, float[][] values, HashSet<string>[] ruleLabels, Dictionary<ulong, string> names)
    {
        Passages = passages;
        Keys = keys;
        Values = values;
        RuleLabels = ruleLabels;
        Names = names;
    }

    public IReadOnlyList<TrainingPassage> Passages { get; }
    internal ulong[][] Keys { get; }
    internal float[][] Values { get; }

    /// <summary>"dimension:label" of every tag the rules gave the passage.</summary>
    internal HashSet<string>[] RuleLabels { get; }
    internal Dictionary<ulong, string> Names { get; }
}

/// <summary>
/// Trains the per-label logistic models (ML.NET) and chooses, per label, the probability
/// threshold and the combination with the rules by grouped cross-validation inside the
/// training data. Deterministic: the same passages, rules and options give the same model.
/// </summary>
public sealed class ModelTrainer
{
    private readonly RuleTagger _rules;
    private readonly (string Dimension, string Label)[] _labels;

    public ModelTrainer(RuleTagger rules, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        Options = options ?? new TrainerOptions();
        _labels = Options.Dimensions.SelectMany(d => LabelCatalog.IdsOf(d).Select(id => (d, id))).ToArray();
    }

    public TrainerOptions Options { get; }

    public FeaturizedCorpus Featurize(IReadOnlyList<TrainingPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var featurizer = new PassageFeaturizer(Options.Features);
        var names = new Dictionary<ulong, string>();
        var keys = new ulong[passages.Count][];
        var values = new float[passages.Count][];
        var ruleLabels = new HashSet<string>[passages.Count];
        var bag = new FeatureBag();
        for (var i = 0; i < passages.Count; i++)
        {
            var tags = _rules.Tag(passages[i].Input);
            ruleLabels[i] = tags.Select(t => t.Dimension + ":" + t.Label).ToHashSet(StringComparer.Ordinal);
            featurizer.Extract(passages[i].Input, tags, bag, names);
            keys[i] = bag.Values.Keys.ToArray();
            values[i] = bag.Values.Values.ToArray();
        }
        return new FeaturizedCorpus(passages, keys, values, ruleLabels, names);
    }

    /// <summary>Trains on the passages of <paramref name="corpus"/> selected by <paramref name="use"/> (all when null).</summary>
    public TaggerModel Train(FeaturizedCorpus corpus, IReadOnlyList<int>? use, ModelProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(provenance);
        var indices = use ?? Enumerable.Range(0, corpus.Passages.Count).ToArray();

        // Vocabulary: features seen in enough training passages, in a stable order.
        var counts = new Dictionary<ulong, int>();
        foreach (var i in indices)
            foreach (var k in corpus.Keys[i]) counts[k] = counts.GetValueOrDefault(k) + 1;
        var vocabulary = counts.Where(kv => kv.Value >= Options.MinFeatureCount).Select(kv => corpus.Names[kv.Key])
            .Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<ulong, int>(vocabulary.Length);
        for (var f = 0; f < vocabulary.Length; f++) index[FeatureKey.Hash(vocabulary[f])] = f;
        var rows = new Dictionary<int, SparseRow>();
        foreach (var i in indices) rows[i] = Row(corpus.Keys[i], corpus.Values[i], index);

        // Inner grouped folds over the gold passages: out-of-fold probabilities choose thresholds.
        var gold = indices.Where(i => corpus.Passages[i].IsGold).ToArray();
        var innerFold = new Dictionary<int, int>();
        var tuningFolds = Math.Min(Options.TuningFolds, gold.Select(i => corpus.Passages[i].Group).Distinct().Count());
        if (tuningFolds >= 2)
        {
            var assigned = GroupedFolds.Assign(gold, i => corpus.Passages[i].Group, tuningFolds);
            for (var j = 0; j < gold.Length; j++) innerFold[gold[j]] = assigned[j];
        }

        // Labels train independently (each fit single-threaded), so they may run in parallel and stay reproducible.
        var models = new LabelModel[_labels.Length];
        Parallel.For(0, _labels.Length, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxParallelism }, l =>
            models[l] = TrainLabel(_labels[l].Dimension, _labels[l].Label, corpus, indices, rows, innerFold, tuningFolds, vocabulary.Length));
        return new TaggerModel(vocabulary, models, Options.Features, provenance, Options.GateLevels);
    }

    /// <summary>One label's logistic model; with naive-Bayes scaling the ratios are folded into the returned weights.</summary>
    private (float[] Weights, float Bias) Fit(IReadOnlyList<SparseRow> rows, IReadOnlyList<bool> y, int featureCount)
    {
        if (!Options.NaiveBayesScaling)
            return LogisticFit.Fit(rows, y, featureCount, Options.L2, Options.L1, Options.PositiveWeight);
        var alpha = Options.NaiveBayesAlpha;
        var pos = new double[featureCount];
        var neg = new double[featureCount];
        for (var i = 0; i < rows.Count; i++)
        {
            var target = y[i] ? pos : neg;
            var r = rows[i];
            for (var j = 0; j < r.Indices.Length; j++) target[r.Indices[j]] += r.Values[j];
        }
        double posTotal = alpha * featureCount + pos.Sum(), negTotal = alpha * featureCount + neg.Sum();
        var ratio = new float[featureCount];
        for (var f = 0; f < featureCount; f++)
            ratio[f] = (float)Math.Log((pos[f] + alpha) / posTotal / ((neg[f] + alpha) / negTotal));
        var scaled = rows.Select(r =>
        {
            var v = new float[r.Values.Length];
            for (var j = 0; j < v.Length; j++) v[j] = r.Values[j] * ratio[r.Indices[j]];
            return new SparseRow(r.Indices, v);
        }).ToArray();
        var (weights, bias) = LogisticFit.Fit(scaled, y, featureCount, Options.L2, Options.L1, Options.PositiveWeight);
        for (var f = 0; f < featureCount; f++) weights[f] *= ratio[f];
        return (weights, bias);
    }

    private LabelModel TrainLabel(string dimension, string label, FeaturizedCorpus corpus, IReadOnlyList<int> indices,
        Dictionary<int, SparseRow> rows, Dictionary<int, int> innerFold, int tuningFolds, int featureCount)
    {
        var known = indices.Where(i => corpus.Passages[i].Has(dimension, label) is not null).ToArray();
        var y = known.Select(i => corpus.Passages[i].Has(dimension, label)!.Value).ToArray();
        var goldPositives = known.Where((i, j) => y[j] && corpus.Passages[i].IsGold).Count();
        var (weights, bias) = Fit(known.Select(i => rows[i]).ToArray(), y, featureCount);
        if (goldPositives < Options.MinPositives || tuningFolds < 2 || !Options.Policies.Any(p => p != CombinationPolicy.Rules))
            return new LabelModel(dimension, label, bias, weights, 0.5, CombinationPolicy.Rules);
        var oof = new List<(double P, bool Rule, bool Truth)>();
        for (var f = 0; f < tuningFolds; f++)
        {
            var fitOn = known.Where(i => !innerFold.TryGetValue(i, out var g) || g != f).ToArray();
            var fitY = fitOn.Select(i => corpus.Passages[i].Has(dimension, label)!.Value).ToArray();
            var (w, b) = Fit(fitOn.Select(i => rows[i]).ToArray(), fitY, featureCount);
            foreach (var i in known.Where(i => innerFold.TryGetValue(i, out var g) && g == f))
                oof.Add((Probability(rows[i], w, b), corpus.RuleLabels[i].Contains(dimension + ":" + label),
                    corpus.Passages[i].Has(dimension, label)!.Value));
        }
        var (policy, threshold) = Choose(oof);
        return new LabelModel(dimension, label, bias, weights, threshold, policy);
    }

    /// <summary>The combination and threshold with the best F-measure on out-of-fold predictions; simpler wins ties.</summary>
    internal (CombinationPolicy Policy, double Threshold) Choose(IReadOnlyList<(double P, bool Rule, bool Truth)> oof)
    {
        var best = (Policy: CombinationPolicy.Rules, Threshold: 0.5, Score: double.NegativeInfinity);
        foreach (var policy in Options.Policies)
        {
            var thresholds = policy == CombinationPolicy.Rules ? [0.5] : Enumerable.Range(2, 37).Select(t => t * 0.025).ToArray();
            foreach (var t in thresholds)
            {
                int tp = 0, fp = 0, fn = 0;
                foreach (var (p, rule, truth) in oof)
                {
                    var model = p >= t;
                    var given = policy switch
                    {
                        CombinationPolicy.Rules => rule,
                        CombinationPolicy.Model => model,
                        CombinationPolicy.Either => model || rule,
                        _ => model && rule,
                    };
                    if (given && truth) tp++;
                    else if (given) fp++;
                    else if (truth) fn++;
                }
                var score = FMeasure(tp, fp, fn, Options.Beta);
                if (score > best.Score + 1e-9) best = (policy, t, score);
            }
        }
        return (best.Policy, best.Threshold);
    }

    private static double FMeasure(int tp, int fp, int fn, double beta)
    {
        var b2 = beta * beta;
        var denominator = (1 + b2) * tp + b2 * fn + fp;
        return denominator == 0 ? 0 : (1 + b2) * tp / denominator;
    }

    private static SparseRow Row(ulong[] keys, float[] values, Dictionary<ulong, int> index)
    {
        var list = new List<(int Feature, float Value)>(keys.Length);
        for (var j = 0; j < keys.Length; j++)
            if (index.TryGetValue(keys[j], out var f)) list.Add((f, values[j]));
        list.Sort((a, b) => a.Feature.CompareTo(b.Feature));
        return new SparseRow(list.Select(x => x.Feature).ToArray(), list.Select(x => x.Value).ToArray());
    }

    internal static double Probability(SparseRow row, float[] weights, float bias)
    {
        double z = bias;
        for (var j = 0; j < row.Indices.Length; j++) z += weights[row.Indices[j]] * row.Values[j];
        return 1 / (1 + Math.Exp(-z));
    }
}

using PolicyLens.Learning.Features;
using PolicyLens.Tagging;

namespace PolicyLens.Learning.Model;

/// <summary>What the model and the rules said about one learned label of a passage (for "probeer een zin" and `tag`).</summary>
public sealed record LabelVerdict(string Dimension, string Label, double Probability, double Threshold, CombinationPolicy Policy,
    bool ByRules, bool ByModel, bool Given);

/// <summary>
/// The combined tagger: the rule set tags every dimension; for the dimensions the model learned
/// (element, type, level) each label is decided by its <see cref="CombinationPolicy"/> from the
/// rules' verdict and the model's probability. Every tag keeps its evidence: the rule hits, and
/// for the model the words that weighed most (rule id <c>model.dimension.label</c>, with spans and
/// weights). Immutable and thread-safe.
/// </summary>
public sealed class ModelTagger : IPassageTagger
{
    /// <summary>How many words of the passage a model tag names as its evidence.</summary>
    public const int MaxModelEvidence = 5;

    /// <summary>Per-thread buffers, reused across passages so tagging allocates little beyond the tags themselves.</summary>
    private sealed class Scratch
    {
        public readonly FeatureBag Bag = new();
        public double[] Scores = [];
        // The passage's distinct (feature, span) occurrences with their span number, built once per
        // passage for the evidence of all its model tags.
        public bool OccurrencesReady;
        public readonly HashSet<(ulong, EvidenceSource, int, int, int)> Seen = new();
        public readonly Dictionary<(EvidenceSource Source, int Heading, int Start, int End), int> SpanIndex = new();
        public readonly List<(EvidenceSource Source, int Heading, int Start, int End)> SpanList = new();
        public readonly List<(int Feature, float Value, int Span)> Unique = new();
        public double[] SpanWeights = [];
        public double[] SpanBest = [];
        public int[] SpanFeature = [];
        public readonly List<int> Touched = new();
        public readonly List<SpanWeight> Spans = new();
    }

    /// <summary>One span's summed positive weight for a label, its strongest feature, and its number (for a stable order).</summary>
    private struct SpanWeight
    {
        public (EvidenceSource Source, int Heading, int Start, int End) Span;
        public double Weight;
        public int Feature;
        public int Order;
    }

    private static readonly Comparison<SpanWeight> StrongestFirst = (a, b) =>
    {
        var c = b.Weight.CompareTo(a.Weight);
        if (c != 0) return c;
        c = a.Span.Start.CompareTo(b.Span.Start);
        return c != 0 ? c : a.Order.CompareTo(b.Order);
    };

    [ThreadStatic] private static Scratch? _scratch;

    private readonly RuleTagger _rules;
    private readonly PassageFeaturizer _featurizer;
    private readonly Dictionary<ulong, int> _featureIndex;
    private readonly float[] _weights; // feature-major: _weights[feature * labels + label]
    private readonly LabelModel[] _labels;
    private readonly HashSet<string> _dimensions;
    private readonly bool _gateLevels;

    public ModelTagger(RuleTagger rules, TaggerModel model, string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        _rules = rules;
        Model = model;
        ModelVersion = modelVersion;
        _gateLevels = model.GateLevels;
        _featurizer = new PassageFeaturizer(model.FeatureOptions);
        _labels = model.Labels.ToArray();
        _dimensions = model.Labels.Select(l => l.Dimension).ToHashSet(StringComparer.Ordinal);
        _featureIndex = new Dictionary<ulong, int>(model.Features.Count);
        for (var f = 0; f < model.Features.Count; f++)
            if (!_featureIndex.TryAdd(FeatureKey.Hash(model.Features[f]), f))
                throw new ArgumentException($"Two features of the model share a hash ('{model.Features[f]}').", nameof(model));
        _weights = new float[model.Features.Count * _labels.Length];
        for (var l = 0; l < _labels.Length; l++)
        {
            var w = _labels[l].Weights;
            for (var f = 0; f < w.Length; f++) _weights[f * _labels.Length + l] = w[f];
        }
        Labels = rules.Labels;
        RuleSetVersion = $"{rules.RuleSetVersion}+{modelVersion}";
    }

    public TaggerModel Model { get; }

    /// <summary>Identifies the model (content hash of its file), e.g. "model:3f2a…".</summary>
    public string ModelVersion { get; }

    /// <summary>The rule set's version and the model's: a new model is a new analysis.</summary>
    public string RuleSetVersion { get; }
    public IReadOnlyList<LabelInfo> Labels { get; }
    public RuleTagger Rules => _rules;

    public IReadOnlyList<PassageTag> Tag(TaggingInput input) => Decide(input, null);

    /// <summary>Tags the passage and says, per learned label, what rules and model decided.</summary>
    public (IReadOnlyList<PassageTag> Tags, IReadOnlyList<LabelVerdict> Verdicts) Explain(TaggingInput input)
    {
        var verdicts = new List<LabelVerdict>();
        var tags = Decide(input, verdicts);
        return (tags, verdicts);
    }

    private IReadOnlyList<PassageTag> Decide(TaggingInput input, List<LabelVerdict>? verdicts)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ruleTags = _rules.Tag(input);
        var scratch = _scratch ??= new Scratch();
        var probabilities = Probabilities(input, ruleTags, scratch);
        scratch.OccurrencesReady = false;

        var result = new List<PassageTag>(ruleTags.Count + 2);
        foreach (var tag in ruleTags)
            if (!_dimensions.Contains(tag.Dimension)) result.Add(tag);
        var learned = new List<PassageTag>();
        for (var l = 0; l < _labels.Length; l++)
        {
            var label = _labels[l];
            var ruleTag = FindTag(ruleTags, label.Dimension, label.Label);
            var p = probabilities[l];
            var byModel = p >= label.Threshold;
            var given = label.Policy switch
            {
                CombinationPolicy.Rules => ruleTag is not null,
                CombinationPolicy.Model => byModel,
                CombinationPolicy.Either => byModel || ruleTag is not null,
                _ => byModel && ruleTag is not null,
            };
            verdicts?.Add(new LabelVerdict(label.Dimension, label.Label, p, label.Threshold, label.Policy, ruleTag is not null, byModel, given));
            if (!given) continue;
            var modelSpeaks = label.Policy != CombinationPolicy.Rules && byModel;
            var evidence = new List<Evidence>();
            if (ruleTag is not null) evidence.AddRange(ruleTag.Evidence);
            if (modelSpeaks) AddModelEvidence(evidence, input, scratch, l, label);
            if (evidence.Count == 0) continue; // a model tag with no word in favour is no tag one can show
            // A model-only tag counts as one full rule hit plus its probability, so coverage strength stays comparable.
            var score = ruleTag?.Score ?? Math.Round(1 + p, 4);
            learned.Add(new PassageTag(label.Dimension, label.Label, score, evidence));
        }
        if (_gateLevels && !learned.Any(t => t.Dimension is "element") && !result.Any(t => t.Dimension is "element"))
            learned.RemoveAll(t => t.Dimension == "level" && !RuleSaysLoneliness(ruleTags));
        result.AddRange(learned);
        return result;
    }

    /// <summary>
    /// The guidelines give a level only to a passage with a working element or one that speaks of
    /// loneliness itself; the rules' loneliness types stand for the latter.
    /// </summary>
    private static bool RuleSaysLoneliness(IReadOnlyList<PassageTag> ruleTags) => ruleTags.Any(t => t.Dimension == "type");

    private static PassageTag? FindTag(IReadOnlyList<PassageTag> tags, string dimension, string label)
    {
        foreach (var t in tags)
            if (t.Label == label && t.Dimension == dimension) return t;
        return null;
    }

    /// <summary>Probability of every learned label for the passage.</summary>
    public double[] Probabilities(TaggingInput input, IReadOnlyList<PassageTag> ruleTags) =>
        (double[])Probabilities(input, ruleTags, _scratch ??= new Scratch()).Clone();

    private double[] Probabilities(TaggingInput input, IReadOnlyList<PassageTag> ruleTags, Scratch scratch)
    {
        // Unknown features carry no weight, so they are dropped while featurising, unless the
        // model scales by the count of every feature (Normalize) and needs them counted.
        _featurizer.Extract(input, ruleTags, scratch.Bag, known: _featurizer.Options.Normalize ? null : _featureIndex);
        var n = _labels.Length;
        if (scratch.Scores.Length != n) scratch.Scores = new double[n];
        var z = scratch.Scores;
        for (var l = 0; l < n; l++) z[l] = _labels[l].Bias;
        foreach (var (key, value) in scratch.Bag.Values)
        {
            if (!_featureIndex.TryGetValue(key, out var f)) continue;
            var row = f * n;
            for (var l = 0; l < n; l++) z[l] += _weights[row + l] * value;
        }
        for (var l = 0; l < n; l++) z[l] = 1 / (1 + Math.Exp(-z[l]));
        return z;
    }

    /// <summary>The passage's distinct known (feature, span) occurrences, each span numbered once; shared by every label's evidence.</summary>
    private void PrepareOccurrences(Scratch scratch)
    {
        if (scratch.OccurrencesReady) return;
        scratch.OccurrencesReady = true;
        var bag = scratch.Bag;
        scratch.Seen.Clear();
        scratch.SpanIndex.Clear();
        scratch.SpanList.Clear();
        scratch.Unique.Clear();
        foreach (var o in bag.Occurrences)
        {
            if (!_featureIndex.TryGetValue(o.Key, out var f)) continue;
            // A feature counts once per span, however many times the featurizer met it there.
            if (!scratch.Seen.Add((o.Key, o.Source, o.HeadingIndex, o.Start, o.End))) continue;
            var span = (o.Source, o.HeadingIndex, o.Start, o.End);
            if (!scratch.SpanIndex.TryGetValue(span, out var id))
            {
                id = scratch.SpanList.Count;
                scratch.SpanIndex[span] = id;
                scratch.SpanList.Add(span);
            }
            scratch.Unique.Add((f, bag.Values[o.Key], id));
        }
        var spans = scratch.SpanList.Count;
        if (scratch.SpanWeights.Length < spans)
        {
            scratch.SpanWeights = new double[spans * 2];
            scratch.SpanBest = new double[spans * 2];
            scratch.SpanFeature = new int[spans * 2];
        }
    }

    /// <summary>The spans whose features pushed the label up most, strongest first.</summary>
    private void AddModelEvidence(List<Evidence> evidence, TaggingInput input, Scratch scratch, int l, LabelModel label)
    {
        PrepareOccurrences(scratch);
        var n = _labels.Length;
        var weights = scratch.SpanWeights;
        var best = scratch.SpanBest;
        var feature = scratch.SpanFeature;
        var touched = scratch.Touched;
        touched.Clear();
        foreach (var (f, value, id) in scratch.Unique)
        {
            var w = _weights[f * n + l] * value;
            if (w <= 0) continue;
            if (weights[id] == 0)
            {
                touched.Add(id);
                (weights[id], best[id], feature[id]) = (w, w, f);
            }
            else
            {
                weights[id] += w;
                if (w > best[id]) (best[id], feature[id]) = (w, f);
            }
        }
        var spans = scratch.Spans;
        spans.Clear();
        foreach (var id in touched)
        {
            spans.Add(new SpanWeight { Span = scratch.SpanList[id], Weight = weights[id], Feature = feature[id], Order = id });
            weights[id] = 0; // ready for the next label
        }
        spans.Sort(StrongestFirst);
        var ruleId = $"model.{label.Dimension}.{label.Label}";
        var taken = 0;
        foreach (var s in spans)
        {
            if (taken == MaxModelEvidence) break;
            taken++;
            var (source, heading, start, end) = s.Span;
            var text = source == EvidenceSource.Heading ? input.Headings[heading] : input.Text;
            if (end <= start || end > text.Length) continue;
            evidence.Add(new Evidence(ruleId, Model.Features[s.Feature], text[start..end], start, end - start, Math.Round(s.Weight, 4), source, heading));
        }
    }
}

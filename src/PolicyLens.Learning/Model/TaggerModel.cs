using PolicyLens.Tagging;

namespace PolicyLens.Learning.Model;

/// <summary>How a label's tag is decided from the rules' verdict and the model's probability.</summary>
public enum CombinationPolicy
{
    /// <summary>The rule set alone (labels with too few training passages).</summary>
    Rules,

    /// <summary>The model alone: probability at or above the threshold (the rules still weigh in as features).</summary>
    Model,

    /// <summary>Rules or model: either suffices (recall where the rules are thin).</summary>
    Either,

    /// <summary>Rules and model: the rules' tag stands only when the model agrees (precision where the rules are loose).</summary>
    Both,
}

/// <summary>A label's logistic model: weights over the model's features, bias, threshold and how it combines with the rules.</summary>
public sealed record LabelModel
{
    public LabelModel(string dimension, string label, float bias, float[] weights, double threshold, CombinationPolicy policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(weights);
        if (!LabelCatalog.IsKnown(dimension, label)) throw new ArgumentException($"Unknown label {dimension}:{label}.", nameof(label));
        if (double.IsNaN(threshold) || threshold <= 0 || threshold >= 1)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A probability threshold lies in (0, 1).");
        if (!float.IsFinite(bias) || weights.Any(w => !float.IsFinite(w))) throw new ArgumentException("Weights are finite numbers.", nameof(weights));
        Dimension = dimension;
        Label = label;
        Bias = bias;
        Weights = weights;
        Threshold = threshold;
        Policy = policy;
    }

    public string Dimension { get; }
    public string Label { get; }
    public float Bias { get; }

    /// <summary>One weight per feature of the model, in the model's feature order.</summary>
    public float[] Weights { get; }

    /// <summary>Probability from which the model gives the label (chosen by grouped cross-validation).</summary>
    public double Threshold { get; }
    public CombinationPolicy Policy { get; }
}

/// <summary>Where a model came from and what it reached: written into the model file, shown by the CLI and status page.</summary>
public sealed record ModelProvenance
{
    public ModelProvenance(IReadOnlyList<TrainingSource> sources, string ruleSetVersion, string settings, DateTimeOffset trainedAt,
        IReadOnlyDictionary<string, double>? figures = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleSetVersion);
        ArgumentNullException.ThrowIfNull(settings);
        Sources = sources;
        RuleSetVersion = ruleSetVersion;
        Settings = settings;
        TrainedAt = trainedAt;
        Figures = figures ?? new Dictionary<string, double>();
    }

    /// <summary>The training data: each gold file (as a path relative to the repository) with its SHA-256, and the rules' examples.</summary>
    public IReadOnlyList<TrainingSource> Sources { get; }

    /// <summary>The rule set whose verdicts the model was trained on (its rule features).</summary>
    public string RuleSetVersion { get; }

    /// <summary>Feature and trainer settings, as text.</summary>
    public string Settings { get; }
    public DateTimeOffset TrainedAt { get; }

    /// <summary>By-document cross-validated figures reached when it was trained (e.g. "element.micro.f1").</summary>
    public IReadOnlyDictionary<string, double> Figures { get; }

    /// <summary>One hash over all sources and settings: equal data and settings give an equal fingerprint.</summary>
    public string DataFingerprint =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join("\n", Sources.Select(s => $"{s.Name}={s.Sha256}")) + "\n" + RuleSetVersion + "\n" + Settings)))[..23];
}

/// <summary>One training input: a gold file or the rule files' examples.</summary>
public sealed record TrainingSource(string Name, string Sha256, int Passages);

/// <summary>
/// A trained classifier: the feature vocabulary (readable keys, e.g. "w:ontmoet") and one
/// logistic model per label of the learned dimensions. Immutable.
/// </summary>
public sealed record TaggerModel
{
    public TaggerModel(IReadOnlyList<string> features, IReadOnlyList<LabelModel> labels, Features.FeatureOptions featureOptions, ModelProvenance provenance,
        bool gateLevels = true)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(featureOptions);
        ArgumentNullException.ThrowIfNull(provenance);
        if (labels.Count == 0) throw new ArgumentException("A model has at least one label.", nameof(labels));
        foreach (var l in labels)
            if (l.Weights.Length != features.Count)
                throw new ArgumentException($"Label {l.Dimension}:{l.Label} has {l.Weights.Length} weights for {features.Count} features.", nameof(labels));
        if (labels.Select(l => (l.Dimension, l.Label)).Distinct().Count() != labels.Count)
            throw new ArgumentException("A label occurs twice in the model.", nameof(labels));
        Features = features;
        Labels = labels;
        FeatureOptions = featureOptions;
        Provenance = provenance;
        GateLevels = gateLevels;
    }

    public IReadOnlyList<string> Features { get; }
    public IReadOnlyList<LabelModel> Labels { get; }
    public Features.FeatureOptions FeatureOptions { get; }
    public ModelProvenance Provenance { get; }

    /// <summary>Drop a level when the passage has no working element and no loneliness type (GUIDELINES.md: levels are for measures).</summary>
    public bool GateLevels { get; }

    /// <summary>Dimensions the model decides (element, type, level); all others stay with the rules.</summary>
    public IReadOnlyCollection<string> Dimensions => Labels.Select(l => l.Dimension).Distinct().ToArray();
}

using PolicyLens.Tagging;

namespace PolicyLens.Learning.Model;

/// <summary>Whether the learned model is in use, and if not, why; shown by `doctor`, the status page and report headers.</summary>
public sealed record ModelStatus
{
    public ModelStatus(string path, string? version, ModelProvenance? provenance, ModelProblem problemKind, string? problem,
        string? trainedWithRules = null, string? currentRules = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        Version = version;
        Provenance = provenance;
        ProblemKind = problemKind;
        Problem = problem;
        TrainedWithRules = trainedWithRules;
        CurrentRules = currentRules;
    }

    public string Path { get; }
    public bool InUse => ProblemKind == ModelProblem.None;
    public string? Version { get; }
    public ModelProvenance? Provenance { get; }
    public ModelProblem ProblemKind { get; }

    /// <summary>Why the model is not used, in English with the file (logs, CLI); null when it is used.</summary>
    public string? Problem { get; }

    /// <summary>Set when the model was trained with another rule set than the one loaded now.</summary>
    public string? TrainedWithRules { get; }
    public string? CurrentRules { get; }

    /// <summary>Something to know while the model is used (English, for logs and the CLI).</summary>
    public string? Warning => TrainedWithRules is null ? null
        : $"the model was trained with rule set {TrainedWithRules}, the rules are now {CurrentRules}; run 'policylens train' to retrain it";

    /// <summary>A Dutch sentence for the status page and report header; null when all is well.</summary>
    public string? DutchNotice => ProblemKind switch
    {
        ModelProblem.None when TrainedWithRules is not null =>
            $"Let op: het geleerde model is getraind met regelset {TrainedWithRules}, de regels zijn nu {CurrentRules}. " +
            "Het model wordt gebruikt, maar train het opnieuw met 'policylens train'.",
        ModelProblem.None => null,
        ModelProblem.SwitchedOff => "Het geleerde model is uitgeschakeld in de instellingen (PolicyLens:UseModel); de labels komen alleen uit de regels.",
        ModelProblem.Missing => $"Het geleerde model wordt niet gebruikt: het bestand {Path} ontbreekt. De labels komen nu alleen uit de regels; maak het model met 'policylens train'.",
        _ => $"Het geleerde model wordt niet gebruikt: het bestand {Path} is beschadigd of onleesbaar. De labels komen nu alleen uit de regels; maak het model opnieuw met 'policylens train'.",
    };
}

/// <summary>The tagger an application uses: the rules and, when its file is there and sound, the learned model beside them.</summary>
public sealed record TaggerSetup(IPassageTagger Tagger, RuleTagger Rules, ModelTagger? Combined, ModelStatus Model)
{
    /// <summary>
    /// Loads the model from <paramref name="modelPath"/> and combines it with the rules; a missing or
    /// broken model file falls back to the rules alone with the reason in <see cref="Model"/>.
    /// </summary>
    public static TaggerSetup Create(RuleTagger rules, string modelPath, bool useModel = true)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        if (!useModel)
            return new(rules, rules, null, new ModelStatus(modelPath, null, null, ModelProblem.SwitchedOff,
                "the learned model is switched off in the configuration (PolicyLens:UseModel); tagging uses the rules only"));
        var load = ModelFile.Load(modelPath);
        if (load.Model is null) return new(rules, rules, null, new ModelStatus(modelPath, null, null, load.Kind, load.Problem));
        var trained = load.Model.Provenance.RuleSetVersion;
        var combined = new ModelTagger(rules, load.Model, load.Version);
        return new(combined, rules, combined, new ModelStatus(modelPath, load.Version, load.Model.Provenance, ModelProblem.None, null,
            trained == rules.RuleSetVersion ? null : trained, trained == rules.RuleSetVersion ? null : rules.RuleSetVersion));
    }
}

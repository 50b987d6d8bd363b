using PolicyLens.Learning.Model;
using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// The rule set, the learned model beside it and the tagger that combines them, loaded once at
/// start-up. Broken rules stop the app with the same message as <c>policylens rules check</c>
/// (file, line, rule id), rather than serving wrong tags; a missing or broken model only falls
/// back to the rules, with the reason on the status page and in report headers.
/// </summary>
public sealed class RulesHolder
{
    public RulesHolder(string rulesPath, string? modelPath = null, bool useModel = true)
    {
        RulesPath = rulesPath;
        RuleSet = RuleSetLoader.LoadOrThrow(rulesPath);
        Rules = new RuleTagger(RuleSet);
        Setup = TaggerSetup.Create(Rules, modelPath ?? ModelFile.DefaultPath(rulesPath), useModel);
        LabelsByKey = Rules.Labels.ToDictionary(l => (l.Dimension, l.Id));
        RulesByKey = RuleSet.Labels.ToDictionary(l => (l.Dimension, l.Id));
    }

    public string RulesPath { get; }
    public RuleSet RuleSet { get; }

    /// <summary>The rules alone.</summary>
    public RuleTagger Rules { get; }
    public TaggerSetup Setup { get; }

    /// <summary>What the app tags with: rules and model combined, or the rules alone when there is no usable model.</summary>
    public IPassageTagger Tagger => Setup.Tagger;

    /// <summary>Whether the model is in use, and if not, why.</summary>
    public ModelStatus Model => Setup.Model;

    /// <summary>Version of what tags: the rule set's hash, plus the model's when one is in use.</summary>
    public string Version => Tagger.RuleSetVersion;
    public IReadOnlyList<LabelInfo> Labels => Rules.Labels;
    public IReadOnlyDictionary<(string Dimension, string Id), LabelInfo> LabelsByKey { get; }
    public IReadOnlyDictionary<(string Dimension, string Id), LabelRules> RulesByKey { get; }

    public IEnumerable<LabelInfo> LabelsOf(string dimension) => Labels.Where(l => l.Dimension == dimension);

    /// <summary>Dutch display name of a label, or its id when the rule set does not know it.</summary>
    public string NameOf(string dimension, string id) => LabelsByKey.TryGetValue((dimension, id), out var l) ? l.Name : id;
}

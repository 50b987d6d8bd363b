using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// The rule set and its tagger, loaded once at start-up. Broken rules stop the app with the same
/// message as <c>policylens rules check</c> (file, line, rule id), rather than serving wrong tags.
/// </summary>
public sealed class RulesHolder
{
    public RulesHolder(string rulesPath)
    {
        RulesPath = rulesPath;
        RuleSet = RuleSetLoader.LoadOrThrow(rulesPath);
        Tagger = new RuleTagger(RuleSet);
        LabelsByKey = Tagger.Labels.ToDictionary(l => (l.Dimension, l.Id));
        RulesByKey = RuleSet.Labels.ToDictionary(l => (l.Dimension, l.Id));
    }

    public string RulesPath { get; }
    public RuleSet RuleSet { get; }
    public RuleTagger Tagger { get; }
    public string Version => RuleSet.Version;
    public IReadOnlyList<LabelInfo> Labels => Tagger.Labels;
    public IReadOnlyDictionary<(string Dimension, string Id), LabelInfo> LabelsByKey { get; }
    public IReadOnlyDictionary<(string Dimension, string Id), LabelRules> RulesByKey { get; }

    public IEnumerable<LabelInfo> LabelsOf(string dimension) => Labels.Where(l => l.Dimension == dimension);

    /// <summary>Dutch display name of a label, or its id when the rule set does not know it.</summary>
    public string NameOf(string dimension, string id) => LabelsByKey.TryGetValue((dimension, id), out var l) ? l.Name : id;
}

using PolicyLens.Tagging;
using PolicyLens.Tagging.Evaluation;

namespace PolicyLens.Learning.Training;

/// <summary>
/// One passage to learn from: a gold passage (every label of its dimensions known) or an example
/// sentence of a rule file (only its own label known, positive or negative).
/// </summary>
public sealed record TrainingPassage
{
    private TrainingPassage(string id, string group, TaggingInput input, IReadOnlyDictionary<string, IReadOnlyList<string>>? gold,
        (string Dimension, string Label, bool Positive)? example)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentNullException.ThrowIfNull(input);
        Id = id;
        Group = group;
        Input = input;
        Gold = gold;
        Example = example;
    }

    public static TrainingPassage FromGold(GoldPassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        // A passage without a document is its own group, so it can never sit on both sides of a split.
        var group = string.IsNullOrWhiteSpace(passage.Doc) ? "passage:" + passage.Id : passage.Doc;
        return new(passage.Id, group, new TaggingInput(passage.Text, passage.Headings), passage.Labels, null);
    }

    public static TrainingPassage FromExample(LabelRules label, LabelExample example, int index)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(example);
        return new($"{label.FullId}#{(example.Positive ? "pos" : "neg")}{index}", "examples:" + label.FullId,
            new TaggingInput(example.Text, example.Headings), null, (label.Dimension, label.Id, example.Positive));
    }

    public string Id { get; }

    /// <summary>The document it belongs to; folds never split a group.</summary>
    public string Group { get; }
    public TaggingInput Input { get; }

    /// <summary>Gold labels per dimension (exhaustive), or null for a rule example.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Gold { get; }
    public (string Dimension, string Label, bool Positive)? Example { get; }
    public bool IsGold => Gold is not null;

    /// <summary>True/false when the passage says whether the label applies; null when it does not say.</summary>
    public bool? Has(string dimension, string label)
    {
        if (Gold is not null)
            return Gold.TryGetValue(dimension, out var labels) ? labels.Contains(label, StringComparer.Ordinal) : null;
        var e = Example!.Value;
        return e.Dimension == dimension && e.Label == label ? e.Positive : null;
    }

    /// <summary>Every example sentence of the rule files of the given dimensions.</summary>
    public static IReadOnlyList<TrainingPassage> FromRuleExamples(RuleSet rules, IReadOnlyCollection<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = new List<TrainingPassage>();
        foreach (var label in rules.Labels.Where(l => dimensions.Contains(l.Dimension)))
            for (var i = 0; i < label.Examples.Count; i++)
                list.Add(FromExample(label, label.Examples[i], i));
        return list;
    }
}

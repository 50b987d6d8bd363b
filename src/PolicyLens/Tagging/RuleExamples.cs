namespace PolicyLens.Tagging;

/// <summary>An example of a label that the tagger does not honour.</summary>
public sealed record ExampleFailure(LabelRules Label, LabelExample Example, IReadOnlyList<PassageTag> Tags)
{
    public override string ToString()
    {
        var where = Example.Origin?.ToString() ?? Label.Origin?.ToString() ?? Label.FullId;
        var got = Tags.Where(t => t.Dimension == Label.Dimension).Select(t => t.Label).ToArray();
        var evidence = Tags.FirstOrDefault(t => t.Dimension == Label.Dimension && t.Label == Label.Id)?.Evidence
            .Select(e => $"'{e.MatchedText}' ({e.RuleId})") ?? [];
        return Example.Positive
            ? $"{where}: [{Label.FullId}] positive example not tagged: \"{Example.Text}\" (got {Label.Dimension}: {(got.Length == 0 ? "nothing" : string.Join(", ", got))})"
            : $"{where}: [{Label.FullId}] negative example was tagged: \"{Example.Text}\" (evidence: {string.Join(", ", evidence)})";
    }
}

/// <summary>Runs the examples every label carries: positives must get the label, negatives must not.</summary>
public static class RuleExamples
{
    public static IReadOnlyList<ExampleFailure> Run(RuleTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var failures = new List<ExampleFailure>();
        foreach (var label in tagger.RuleSet.Labels)
            foreach (var example in label.Examples)
                if (Check(tagger, label, example) is { } failure) failures.Add(failure);
        return failures;
    }

    /// <summary>Null when the example holds.</summary>
    public static ExampleFailure? Check(RuleTagger tagger, LabelRules label, LabelExample example)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(example);
        var tags = tagger.Tag(new TaggingInput(example.Text, example.Headings));
        var has = tags.Any(t => t.Dimension == label.Dimension && t.Label == label.Id);
        return has == example.Positive ? null : new ExampleFailure(label, example, tags);
    }
}

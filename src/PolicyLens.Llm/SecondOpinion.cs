using PolicyLens.Coverage;
using PolicyLens.Tagging;

namespace PolicyLens.Llm;

/// <summary>Who gave a label to a passage.</summary>
public enum Agreement
{
    /// <summary>Rules/model and the language model both.</summary>
    Both,

    /// <summary>Only the rules or the trained model.</summary>
    RulesOnly,

    /// <summary>Only the language model.</summary>
    LlmOnly,
}

/// <summary>Which tags the coverage of a plan is computed from.</summary>
public enum TagSource
{
    /// <summary>The rule set's (or trained model's) tags, as stored. The default: the LLM never replaces them silently.</summary>
    Rules,

    /// <summary>The language model's labels for element, type and level; rules/model for the other dimensions.</summary>
    Llm,

    /// <summary>Only the element, type and level labels both gave.</summary>
    Agreed,

    /// <summary>Element, type and level labels either gave.</summary>
    Either,
}

/// <summary>One label of one passage with who gave it and the evidence of each.</summary>
public sealed record TagComparison(string Dimension, string Label, Agreement Agreement, PassageTag? RuleTag, ReviewedLabel? LlmLabel);

/// <summary>A passage of the plan with the comparison of its tags; empty when the model's answer is not known.</summary>
public sealed record PassageComparison(TaggedPassage Passage, PassageReview? Review, IReadOnlyList<TagComparison> Tags)
{
    public bool Reviewed => Review is { HasAnswer: true };
    public int Ordinal => Passage.Passage.Ordinal;
}

/// <summary>Per label, over the reviewed passages: how often both, only rules/model, only the model gave it.</summary>
public sealed record LabelAgreement(LabelInfo Label, int Both, int RulesOnly, int LlmOnly)
{
    public int Either => Both + RulesOnly + LlmOnly;

    /// <summary>Of the passages where at least one gave the label, the share where both did; null when neither ever did.</summary>
    public double? Share => Either == 0 ? null : (double)Both / Either;
}

/// <summary>The second opinion on a whole plan.</summary>
public sealed record PlanSecondOpinion(IReadOnlyList<PassageComparison> Passages, IReadOnlyList<LabelAgreement> Labels)
{
    public int Reviewed => Passages.Count(p => p.Reviewed);
    public int NotReviewed => Passages.Count - Reviewed;
    public int Both => Labels.Sum(l => l.Both);
    public int RulesOnly => Labels.Sum(l => l.RulesOnly);
    public int LlmOnly => Labels.Sum(l => l.LlmOnly);

    /// <summary>Over all labels: tags both gave, of the tags either gave; null when there are none.</summary>
    public double? Share => Both + RulesOnly + LlmOnly == 0 ? null : (double)Both / (Both + RulesOnly + LlmOnly);

    public PassageComparison? Passage(int ordinal) => Passages.FirstOrDefault(p => p.Ordinal == ordinal);
}

/// <summary>Compares the stored tags of a plan with the model's answers, and picks the tags the coverage uses.</summary>
public static class SecondOpinion
{
    /// <summary>A plan's passages as the reviewer sees them (text and headings).</summary>
    public static IReadOnlyList<TaggingInput> Inputs(IReadOnlyList<TaggedPassage> passages) =>
        [.. passages.Select(p => new TaggingInput(p.Passage.Text, p.Passage.Headings))];

    /// <param name="passages">The plan's passages with their rule/model tags.</param>
    /// <param name="reviews">The model's review of each passage, aligned with <paramref name="passages"/> (null: not asked).</param>
    /// <param name="labels">The rule set's labels, for names and order.</param>
    public static PlanSecondOpinion Compare(IReadOnlyList<TaggedPassage> passages, IReadOnlyList<PassageReview?> reviews, IReadOnlyList<LabelInfo> labels)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(labels);
        if (reviews.Count != passages.Count) throw new ArgumentException($"Expected {passages.Count} reviews, got {reviews.Count}.", nameof(reviews));
        var counts = new Dictionary<(string, string), int[]>();
        var compared = new List<PassageComparison>(passages.Count);
        for (var i = 0; i < passages.Count; i++)
        {
            var review = reviews[i];
            if (review is not { HasAnswer: true })
            {
                compared.Add(new PassageComparison(passages[i], review, []));
                continue;
            }
            var tags = new List<TagComparison>();
            foreach (var dimension in ReviewPrompt.Dimensions)
            {
                var ruleTags = passages[i].Tags.Where(t => t.Dimension == dimension).ToList();
                var llmLabels = review.Labels.Where(l => l.Dimension == dimension).ToList();
                foreach (var label in ruleTags.Select(t => t.Label).Union(llmLabels.Select(l => l.Label)))
                {
                    var rule = ruleTags.FirstOrDefault(t => t.Label == label);
                    var llm = llmLabels.FirstOrDefault(l => l.Label == label);
                    var agreement = rule is null ? Agreement.LlmOnly : llm is null ? Agreement.RulesOnly : Agreement.Both;
                    tags.Add(new TagComparison(dimension, label, agreement, rule, llm));
                    if (!counts.TryGetValue((dimension, label), out var c)) counts[(dimension, label)] = c = new int[3];
                    c[(int)agreement]++;
                }
            }
            compared.Add(new PassageComparison(passages[i], review, [.. tags.OrderBy(t => t.Agreement)]));
        }
        var perLabel = labels.Where(l => ReviewPrompt.Dimensions.Contains(l.Dimension))
            .Select(l => counts.TryGetValue((l.Dimension, l.Id), out var c) ? new LabelAgreement(l, c[0], c[1], c[2]) : new LabelAgreement(l, 0, 0, 0))
            .ToList();
        return new PlanSecondOpinion(compared, perLabel);
    }

    /// <summary>
    /// The plan's passages with the tags <paramref name="source"/> asks for. Dimensions the model
    /// does not judge, and passages it has not answered, keep their rule/model tags.
    /// </summary>
    public static IReadOnlyList<TaggedPassage> Select(PlanSecondOpinion opinion, TagSource source, string model)
    {
        ArgumentNullException.ThrowIfNull(opinion);
        if (source == TagSource.Rules) return [.. opinion.Passages.Select(p => p.Passage)];
        return [.. opinion.Passages.Select(p =>
        {
            if (!p.Reviewed) return p.Passage;
            var kept = p.Passage.Tags.Where(t => !ReviewPrompt.Dimensions.Contains(t.Dimension));
            var chosen = p.Tags.Where(t => source switch
            {
                TagSource.Llm => t.Agreement != Agreement.RulesOnly,
                TagSource.Agreed => t.Agreement == Agreement.Both,
                _ => true,
            }).Select(t => source == TagSource.Llm || t.RuleTag is null ? LlmPassageTagger.ToTag(t.LlmLabel!, model) : t.RuleTag);
            return new TaggedPassage(p.Passage.Passage, [.. kept, .. chosen]);
        })];
    }
}

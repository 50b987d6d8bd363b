namespace PolicyLens.Tagging;

/// <summary>One label of the framework (framework.md fixes the ids), as the rule files describe it.</summary>
public sealed record LabelInfo
{
    public LabelInfo(string dimension, string id, string name, string description, IReadOnlyList<string> suggestedActions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(suggestedActions);
        Dimension = dimension;
        Id = id;
        Name = name;
        Description = description;
        SuggestedActions = suggestedActions;
    }

    /// <summary>element, type, level, age, risk, frame, domain, approach, focus, interventions-7.</summary>
    public string Dimension { get; }
    public string Id { get; }

    /// <summary>Dutch display name.</summary>
    public string Name { get; }
    public string Description { get; }

    /// <summary>Suggested actions (Dutch) shown when the label is a gap in a plan.</summary>
    public IReadOnlyList<string> SuggestedActions { get; }
}

/// <summary>Where a piece of evidence was found.</summary>
public enum EvidenceSource
{
    /// <summary>In the passage text itself; the span points into <see cref="TaggingInput.Text"/>.</summary>
    Passage,

    /// <summary>In one of the passage's ancestor headings; the span points into that heading.</summary>
    Heading,
}

/// <summary>A matched term that counted towards a tag.</summary>
public sealed record Evidence
{
    public Evidence(string ruleId, string term, string matchedText, int start, int length, double weight,
        EvidenceSource source = EvidenceSource.Passage, int headingIndex = -1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(term);
        ArgumentException.ThrowIfNullOrEmpty(matchedText);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        if (source == EvidenceSource.Heading && headingIndex < 0)
            throw new ArgumentException("Heading evidence names the heading it came from.", nameof(headingIndex));
        RuleId = ruleId;
        Term = term;
        MatchedText = matchedText;
        Start = start;
        Length = length;
        Weight = weight;
        Source = source;
        HeadingIndex = source == EvidenceSource.Heading ? headingIndex : -1;
    }

    /// <summary>Id of the rule that fired, e.g. "element.herhaalde-ontmoetingen.ontmoetingsplek".</summary>
    public string RuleId { get; }

    /// <summary>The term as written in the rule file (e.g. "ontmoet*").</summary>
    public string Term { get; }

    /// <summary>The words as they stand in the text.</summary>
    public string MatchedText { get; }
    public int Start { get; }
    public int Length { get; }
    public int End => Start + Length;
    public double Weight { get; }
    public EvidenceSource Source { get; }

    /// <summary>Index into the heading path when <see cref="Source"/> is Heading; otherwise -1.</summary>
    public int HeadingIndex { get; }
}

/// <summary>A label given to a passage, with the evidence that earned it.</summary>
public sealed record PassageTag
{
    public PassageTag(string dimension, string label, double score, IReadOnlyList<Evidence> evidence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dimension);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0) throw new ArgumentException("A tag always carries its evidence.", nameof(evidence));
        if (double.IsNaN(score) || score <= 0) throw new ArgumentOutOfRangeException(nameof(score), score, "A tag's score is positive.");
        Dimension = dimension;
        Label = label;
        Score = score;
        Evidence = evidence;
    }

    public string Dimension { get; }
    public string Label { get; }

    /// <summary>Summed evidence weight; at least the label's threshold.</summary>
    public double Score { get; }
    public IReadOnlyList<Evidence> Evidence { get; }
}

/// <summary>What the tagger looks at: a passage's text and its heading path (outermost first).</summary>
public sealed record TaggingInput
{
    public TaggingInput(string text, IReadOnlyList<string>? headings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Headings = headings ?? [];
    }

    public string Text { get; }
    public IReadOnlyList<string> Headings { get; }
}

/// <summary>
/// Tags passages against a loaded rule set. Deterministic: the same input and rules give the
/// same tags in the same order. Thread-safe: one instance serves the whole app.
/// </summary>
public interface IPassageTagger
{
    /// <summary>Content hash of the rule set, recorded with every analysis run.</summary>
    string RuleSetVersion { get; }

    /// <summary>Every label the rule set knows, per dimension, in display order.</summary>
    IReadOnlyList<LabelInfo> Labels { get; }

    IReadOnlyList<PassageTag> Tag(TaggingInput input);
}

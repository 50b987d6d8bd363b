namespace PolicyLens.Coverage;

/// <summary>
/// Thresholds of the coverage analysis. A label is <c>genoemd</c> as soon as one passage carries
/// it (the tagger already demands a summed rule weight of at least the label's threshold, so one
/// tag is more than a loose word). It is <c>uitgewerkt</c> when the plan does more than mention it:
/// <list type="bullet">
/// <item>at least <see cref="ElaboratedMinPassages"/> passages carry it (the plan returns to it), or</item>
/// <item>the summed tag score reaches <see cref="ElaboratedMinStrength"/> (a few passages with strong, specific evidence), or</item>
/// <item>it appears in a heading's own text (the plan made it a section topic), or</item>
/// <item>a paragraph or list item under an action heading (BBC "Actie 2.3.1") carries it on its own words:
/// a concrete commitment (table rows there are mostly budget lines and do not count).</item>
/// </list>
/// </summary>
public sealed record CoverageOptions
{
    /// <summary>Passages that make a label worked out. Default 3: one mention plus a paragraph or two is still a mention.</summary>
    public int ElaboratedMinPassages { get; init; } = 3;

    /// <summary>
    /// Summed tag score that makes a label worked out. Default 4.0: a tag scores at least 1.0 and
    /// usually 1–2, so this is two or three passages with several specific terms each.
    /// </summary>
    public double ElaboratedMinStrength { get; init; } = 4.0;

    /// <summary>A label in a heading's own text counts as worked out. Default true.</summary>
    public bool HeadingCountsAsElaborated { get; init; } = true;

    /// <summary>A label on the words of a passage under a BBC action heading counts as worked out. Default true.</summary>
    public bool ActionCountsAsElaborated { get; init; } = true;

    /// <summary>
    /// Dimensions whose absent or mentioned labels are gaps. Default: the working elements, the
    /// loneliness types, prevention levels, the three focus fields and the structural-approach markers —
    /// the things the framework says a plan should address. Age, risk group, frame and domain describe
    /// a plan rather than oblige it.
    /// </summary>
    public IReadOnlyList<string> GapDimensions { get; init; } = ["element", "type", "level", "focus", "approach"];

    /// <summary>Domains listed per chapter at most (the most frequent). Default 3.</summary>
    public int MaxDomainsPerChapter { get; init; } = 3;

    /// <summary>Throws when a value is out of range; called by the analyzer.</summary>
    public void Validate()
    {
        if (ElaboratedMinPassages < 1) throw new ArgumentOutOfRangeException(nameof(ElaboratedMinPassages), ElaboratedMinPassages, "At least one passage.");
        if (double.IsNaN(ElaboratedMinStrength) || ElaboratedMinStrength <= 0) throw new ArgumentOutOfRangeException(nameof(ElaboratedMinStrength), ElaboratedMinStrength, "A positive strength.");
        ArgumentNullException.ThrowIfNull(GapDimensions, nameof(GapDimensions));
        if (MaxDomainsPerChapter < 1) throw new ArgumentOutOfRangeException(nameof(MaxDomainsPerChapter), MaxDomainsPerChapter, "At least one domain.");
    }
}

using PolicyLens.Passages;
using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>
/// A passage with the tags the rule set gave it: the unit that storage keeps and coverage
/// analysis reads. The seam between the store (which loads these) and the analyzer.
/// </summary>
public sealed record TaggedPassage
{
    public TaggedPassage(Passage passage, IReadOnlyList<PassageTag> tags)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(tags);
        Passage = passage;
        Tags = tags;
    }

    public Passage Passage { get; }
    public IReadOnlyList<PassageTag> Tags { get; }

    public bool Has(string dimension, string label)
    {
        foreach (var tag in Tags)
            if (tag.Label == label && tag.Dimension == dimension) return true;
        return false;
    }
}

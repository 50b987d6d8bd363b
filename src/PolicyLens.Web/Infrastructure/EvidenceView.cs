using Microsoft.AspNetCore.Html;
using PolicyLens.Coverage;
using PolicyLens.Tagging;

namespace PolicyLens.Web.Infrastructure;

/// <summary>A passage shown as evidence: its text and headings with the matched words in &lt;mark&gt;, and its tags.</summary>
public sealed record EvidenceItem(int Ordinal, int? Page, IReadOnlyList<IHtmlContent> Headings, IHtmlContent Text, IReadOnlyList<PassageTag> Tags,
    IReadOnlyList<PassageTag> MatchingTags);

/// <summary>Builds evidence items: which words to mark comes from the tags' evidence spans.</summary>
public static class EvidenceView
{
    /// <summary>
    /// The passage with the evidence of <paramref name="focus"/> tags marked (all tags when the
    /// predicate is null). Text and headings are encoded; spans index into the unencoded text.
    /// </summary>
    public static EvidenceItem Build(TaggedPassage tagged, Func<PassageTag, bool>? focus = null)
    {
        var passage = tagged.Passage;
        var matching = tagged.Tags.Where(t => focus is null || focus(t)).ToArray();
        var evidence = matching.SelectMany(t => t.Evidence).ToArray();
        var text = Highlighter.Mark(passage.Text,
            evidence.Where(e => e.Source == EvidenceSource.Passage).Select(e => (e.Start, e.Length)));
        var headings = passage.Headings
            .Select((h, i) => Highlighter.Mark(h, evidence.Where(e => e.Source == EvidenceSource.Heading && e.HeadingIndex == i).Select(e => (e.Start, e.Length))))
            .ToArray();
        return new EvidenceItem(passage.Ordinal, passage.Page, headings, text, tagged.Tags, matching);
    }
}

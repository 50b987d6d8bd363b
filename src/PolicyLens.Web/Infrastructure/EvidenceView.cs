using Microsoft.AspNetCore.Html;
using PolicyLens.Coverage;
using PolicyLens.Passages;
using PolicyLens.Tagging;

namespace PolicyLens.Web.Infrastructure;

/// <summary>One cell of a table row shown as evidence: its column header (when the table had one) and its value, both marked.</summary>
public sealed record EvidenceCell(IHtmlContent? Header, IHtmlContent Value);

/// <summary>
/// A passage shown as evidence: its text and headings with the matched words in &lt;mark&gt;, and its tags.
/// <see cref="Cells"/> is non-empty for table rows, which the page draws as a small table.
/// <see cref="Strength"/> is the summed score of the tags that made it evidence; <see cref="FromOcr"/>
/// says the text was recognised from a page image (it may hold recognition errors).
/// </summary>
public sealed record EvidenceItem(int Ordinal, int? Page, IReadOnlyList<IHtmlContent> Headings, IHtmlContent Text, IReadOnlyList<PassageTag> Tags,
    IReadOnlyList<PassageTag> MatchingTags, PassageKind Kind, IReadOnlyList<EvidenceCell> Cells, double Strength, bool FromOcr = false)
{
    public bool IsTableRow => Cells.Count > 0;
}

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
        var spans = evidence.Where(e => e.Source == EvidenceSource.Passage).Select(e => (e.Start, e.Length)).ToArray();
        var text = Highlighter.Mark(passage.Text, spans);
        var headings = passage.Headings
            .Select((h, i) => Highlighter.Mark(h, evidence.Where(e => e.Source == EvidenceSource.Heading && e.HeadingIndex == i).Select(e => (e.Start, e.Length))))
            .ToArray();
        IReadOnlyList<EvidenceCell> cells = passage.Kind == PassageKind.TableRow
            ? [.. SplitTableRow(passage.Text).Select(c => new EvidenceCell(
                c.HeaderLength > 0 ? Highlighter.Mark(passage.Text.Substring(c.HeaderStart, c.HeaderLength), Clip(spans, c.HeaderStart, c.HeaderLength)) : null,
                Highlighter.Mark(passage.Text.Substring(c.ValueStart, c.ValueLength), Clip(spans, c.ValueStart, c.ValueLength))))]
            : [];
        return new EvidenceItem(passage.Ordinal, passage.Page, headings, text, tagged.Tags, matching, passage.Kind, cells, matching.Sum(t => t.Score), passage.FromOcr);
    }

    /// <summary>
    /// Builds the evidence list in reading-worthy order: running text (paragraphs, list items)
    /// first, then bare headings, then table rows, because a budget line rarely explains a
    /// policy; within each group the strongest evidence first, ties in document order.
    /// </summary>
    public static IReadOnlyList<EvidenceItem> Ordered(IEnumerable<TaggedPassage> passages, Func<PassageTag, bool>? focus = null, int max = int.MaxValue) =>
        [.. passages
            .OrderBy(p => KindRank(p.Passage.Kind))
            .ThenByDescending(p => p.Tags.Where(t => focus is null || focus(t)).Sum(t => t.Score))
            .ThenBy(p => p.Passage.Ordinal)
            .Take(max)
            .Select(p => Build(p, focus))];

    /// <summary>Paragraphs and list items say what a plan does; a bare heading less; a table row (often a budget line) least.</summary>
    public static int KindRank(PassageKind kind) => kind switch
    {
        PassageKind.Paragraph or PassageKind.ListItem => 0,
        PassageKind.Heading => 1,
        _ => 2,
    };

    /// <summary>
    /// Splits a table-row passage back into cells. The passage builder writes rows as
    /// "Header: value; Header: value" when the table has headers and "value | value" when not.
    /// Offsets index into <paramref name="text"/> so highlights can be carried over.
    /// </summary>
    public static IReadOnlyList<(int HeaderStart, int HeaderLength, int ValueStart, int ValueLength)> SplitTableRow(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.Contains(" | ", StringComparison.Ordinal) && !text.Contains("; ", StringComparison.Ordinal) ? " | " : "; ";
        var withHeaders = separator == "; ";
        var cells = new List<(int, int, int, int)>();
        var at = 0;
        while (at <= text.Length)
        {
            var end = text.IndexOf(separator, at, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            var colon = withHeaders ? text.IndexOf(": ", at, end - at, StringComparison.Ordinal) : -1;
            if (colon > at)
                cells.Add((at, colon - at, colon + 2, end - colon - 2));
            else if (end > at)
                cells.Add((at, 0, at, end - at));
            at = end + separator.Length;
        }
        // A single unlabelled cell is just text: nothing to draw as a table.
        return cells.Count == 1 && cells[0].Item2 == 0 ? [] : cells;
    }

    private static IEnumerable<(int Start, int Length)> Clip((int Start, int Length)[] spans, int start, int length)
    {
        foreach (var (s, l) in spans)
        {
            var from = Math.Max(s, start);
            var to = Math.Min(s + l, start + length);
            if (to > from) yield return (from - start, to - from);
        }
    }
}

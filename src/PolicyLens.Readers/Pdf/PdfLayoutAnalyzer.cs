using System.Globalization;
using System.Text.RegularExpressions;
using PolicyLens.Documents;

namespace PolicyLens.Readers.Pdf;

/// <summary>What the layout analysis found: blocks in reading order and the lines it dropped as page furniture.</summary>
public sealed record PdfLayout(IReadOnlyList<Block> Blocks, IReadOnlyList<string> RemovedLines, double BodyFontSize)
{
    /// <summary>Pages whose table of contents was left out of the blocks (its entries would be tagged twice otherwise).</summary>
    public IReadOnlyList<int> TableOfContentsPages { get; init; } = [];

    /// <summary>How many lines of tables of contents were left out.</summary>
    public int TableOfContentsLines { get; init; }
}

/// <summary>
/// Turns positioned text runs into blocks: lines by baseline, running headers/footers and page
/// numbers removed, columns detected from x-positions and read one after the other, tables as
/// rows, paragraphs by line spacing/indentation/font changes, headings by size and weight
/// relative to the body text, list items by their bullet or number. Pure: no I/O, so it is
/// tested on synthetic pages.
/// </summary>
public sealed partial class PdfLayoutAnalyzer
{
    // Top and bottom share of the page where running headers and footers live.
    private const double BandShare = 0.12;
    // A run further than this many font sizes from its neighbour on the same line starts a new segment (table cell, column).
    private const double SegmentGapEm = 1.0;

    public PdfLayout Analyze(IReadOnlyList<PdfPageText> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        // Lines and column order are per page, so long documents use all cores for them.
        var parallel = pages.Count >= 32;
        var pageLines = (parallel ? pages.AsParallel().AsOrdered().Select(p => (Page: p, Lines: BuildLines(p))).ToList()
            : pages.Select(p => (Page: p, Lines: BuildLines(p))).ToList());

        var removed = new List<string>();
        RemoveRunningLines(pageLines, removed);
        var (tocPages, tocLines) = RemoveTableOfContents(pageLines);

        var allLines = pageLines.SelectMany(p => p.Lines).ToList();
        var body = BodyStyle(allLines);
        var repair = new PdfTextRepair();
        repair.LearnLater(allLines.Select(l => l.Text));

        // Pass 1: reading order (columns) and tables, per page.
        var regions = parallel
            ? pageLines.AsParallel().AsOrdered().SelectMany(p => OrderRegions(p.Page, p.Lines)).ToList()
            : pageLines.SelectMany(p => OrderRegions(p.Page, p.Lines)).ToList();

        var pitch = PitchModel.From(regions, body.Size);
        var styleShare = StyleShares(allLines);

        // Pass 2: blocks.
        var builders = new List<BlockBuilder>();
        TableState? lastTable = null;
        foreach (var region in regions)
        {
            var first = true;
            foreach (var item in GroupRegion(region, pitch, body, repair, ref lastTable))
            {
                item.StartsRegion = first;
                first = false;
                builders.Add(item);
            }
        }
        foreach (var b in builders) Classify(b, body, styleShare);
        var merged = MergeContinuations(builders, repair);
        var levels = HeadingLevels(merged);

        var ocrPages = pages.Where(p => p.FromOcr).Select(p => p.Number).ToHashSet();
        var blocks = new List<Block>(merged.Count);
        foreach (var b in merged)
        {
            var block = b.ToBlock(repair, levels, ocrPages.Contains(b.Page));
            if (block is not null) blocks.Add(block);
        }
        return new PdfLayout(blocks, removed, body.Size) { TableOfContentsPages = tocPages, TableOfContentsLines = tocLines };
    }

    // ---------------------------------------------------------------- tables of contents

    /// <summary>
    /// Removes tables of contents: a page with at least three entries (a title followed by a dot
    /// leader and/or a page number set apart at the right), or with a title such as "Inhoud" and
    /// two entries. Everything from the first to the last entry goes, so wrapped entries go too;
    /// body text before or after the table on the same page stays.
    /// </summary>
    private static (List<int> Pages, int Lines) RemoveTableOfContents(List<(PdfPageText Page, List<Line> Lines)> pageLines)
    {
        var pages = new List<int>();
        var removedLines = 0;
        foreach (var (page, lines) in pageLines)
        {
            if (lines.Count < 3) continue;
            var ordered = lines.OrderBy(l => l.Y).ThenBy(l => l.X).ToList();
            var entries = new List<int>();
            var title = -1;
            for (var i = 0; i < ordered.Count; i++)
            {
                var text = ordered[i].Text.Trim();
                if (title < 0 && entries.Count == 0 && TocTitle().IsMatch(text)) title = i;
                else if (IsTocEntry(ordered[i])) entries.Add(i);
            }
            var leaders = entries.Count(i => DotLeader().IsMatch(ordered[i].Text));
            if (!(leaders >= 3 || title >= 0 && entries.Count >= 2 || entries.Count >= 6 && entries.Count >= ordered.Count * 0.6)) continue;
            var first = title >= 0 ? title : entries[0];
            var last = entries[^1];
            var drop = new HashSet<Line>();
            for (var i = first; i <= last; i++)
                if (ordered[i].Text.Length <= 250) drop.Add(ordered[i]);
            // A page number that the leader pushed onto the next line belongs to the table too.
            if (last + 1 < ordered.Count && PageNumberLine().IsMatch(ordered[last + 1].Text.Trim())) drop.Add(ordered[last + 1]);
            removedLines += lines.RemoveAll(drop.Contains);
            pages.Add(page.Number);
        }
        return (pages, removedLines);
    }

    /// <summary>"Inleiding ........ 5", "P1 Veiligheid 11" with the number set apart at the right, or a bare leader.</summary>
    private static bool IsTocEntry(Line line)
    {
        var text = line.Text.Trim();
        if (DotLeader().IsMatch(text)) return true;
        if (line.Segments.Count < 2) return false;
        var last = line.Segments[^1].Text.Trim();
        var before = string.Join(" ", line.Segments.Take(line.Segments.Count - 1).Select(s => s.Text)).Trim();
        return TocPageNumber().IsMatch(last) && before.Any(char.IsLetter) && before.Length <= 200;
    }

    // ---------------------------------------------------------------- lines and segments

    internal sealed class Segment
    {
        public double X, Right, Y, Bottom, Size;
        public bool Bold, Italic;
        public string Text = "";
        // The engine's run ended in a space (often inside a link); the next run is a new word even when it touches.
        public bool TrailingSpace;
        // The engine's runs this segment was joined from; a narrow column gutter hides between two of them.
        public List<Piece> Pieces = [];
        public double Center => (X + Right) / 2;
    }

    /// <summary>One engine run inside a segment; <see cref="Tight"/> when it was joined to the previous run without a space.</summary>
    internal readonly record struct Piece(double X, double Right, string Text, bool Tight);

    internal sealed class Line
    {
        private string? _text;

        public Line(int page, List<Segment> segments)
        {
            Page = page;
            Segments = segments;
            X = segments[0].X;
            Right = segments[^1].Right;
            Y = segments.Min(s => s.Y);
            Bottom = segments.Max(s => s.Bottom);
            Size = segments.MaxBy(s => s.Text.Length)!.Size;
            Bold = segments.All(s => s.Bold);
            Italic = segments.All(s => s.Italic);
        }

        public int Page { get; }
        public List<Segment> Segments { get; }
        public double X { get; }
        public double Right { get; }
        public double Y { get; }
        public double Bottom { get; }
        public double Size { get; }
        public bool Bold { get; }
        public bool Italic { get; }
        public string Text => _text ??= Segments.Count == 1 ? Segments[0].Text : string.Join(" ", Segments.Select(s => s.Text));
        public Line With(List<Segment> segments) => new(Page, segments);
    }

    /// <summary>Groups a page's runs into visual lines (overlapping vertically) and each line into segments.</summary>
    internal static List<Line> BuildLines(PdfPageText page)
    {
        var runs = page.Runs
            .Select(r => (Run: r, Text: PdfTextRepair.Clean(r.Text)))
            .Where(r => !string.IsNullOrWhiteSpace(r.Text))
            .OrderBy(r => r.Run.Y).ThenBy(r => r.Run.X)
            .ToList();
        var groups = new List<List<(PdfTextRun Run, string Text)>>();
        var bounds = new List<(double Top, double Bottom)>();
        foreach (var r in runs)
        {
            var placed = false;
            // Only the last few lines can overlap a run that starts lower on the page.
            for (var i = groups.Count - 1; i >= 0 && i >= groups.Count - 4; i--)
            {
                var (top, bottom) = bounds[i];
                var overlap = Math.Min(bottom, r.Run.Bottom) - Math.Max(top, r.Run.Y);
                var smaller = Math.Min(bottom - top, r.Run.Height);
                if (smaller > 0 && overlap >= 0.5 * smaller)
                {
                    groups[i].Add(r);
                    // The line's band follows its main text, not a superscript.
                    if (r.Run.Height > bottom - top) bounds[i] = (r.Run.Y, r.Run.Bottom);
                    placed = true;
                    break;
                }
            }
            if (!placed)
            {
                groups.Add([r]);
                bounds.Add((r.Run.Y, r.Run.Bottom));
            }
        }

        var lines = new List<Line>(groups.Count);
        foreach (var group in groups)
        {
            group.Sort((a, b) => a.Run.X.CompareTo(b.Run.X));
            var segments = new List<Segment>();
            Segment? current = null;
            foreach (var (run, text) in group)
            {
                var gap = current is null ? double.MaxValue : run.X - current.Right;
                var size = Math.Max(run.FontSize, current?.Size ?? 0);
                var labelOnly = current is not null && IsLabelOnly(current.Text);
                if (current is null || (gap > SegmentGapEm * size && !(labelOnly && gap < 4 * size)))
                {
                    current = new Segment { X = run.X, Right = run.Right, Y = run.Y, Bottom = run.Bottom, Size = run.FontSize, Bold = run.Bold, Italic = run.Italic, Text = text.Trim(), TrailingSpace = EndsInSpace(text) };
                    current.Pieces.Add(new Piece(run.X, run.Right, text.Trim(), false));
                    segments.Add(current);
                    continue;
                }
                var tight = gap < 0.15 * size && !current.TrailingSpace && !char.IsWhiteSpace(text[0]);
                current.Text = tight ? current.Text.TrimEnd() + text.Trim() : current.Text.TrimEnd() + " " + text.Trim();
                current.TrailingSpace = EndsInSpace(text);
                current.Pieces.Add(new Piece(run.X, run.Right, text.Trim(), tight));
                current.Right = Math.Max(current.Right, run.Right);
                // Superscripts and inline bits do not change the style of the segment.
                if (run.FontSize >= current.Size * 0.8 && text.Trim().Length >= 3)
                {
                    current.Bold &= run.Bold;
                    current.Italic &= run.Italic;
                }
                if (run.FontSize > current.Size && text.Trim().Length >= 3) current.Size = run.FontSize;
                current.Y = Math.Min(current.Y, run.Y);
                current.Bottom = Math.Max(current.Bottom, run.Bottom);
            }
            lines.Add(new Line(page.Number, segments));
        }
        return lines;
    }

    private static bool EndsInSpace(string text) => text.Length > 0 && char.IsWhiteSpace(text[^1]);

    private static bool IsLabelOnly(string text) => ListLabelOnly().IsMatch(text.Trim());

    // ---------------------------------------------------------------- running headers and footers

    private static void RemoveRunningLines(List<(PdfPageText Page, List<Line> Lines)> pageLines, List<string> removed)
    {
        // Pages without text (scans, blanks) neither carry nor count against running lines.
        var pageCount = pageLines.Count(p => p.Lines.Count > 0);
        // Repeats needed before a line counts as running text: 2 in a short document, up to 4 in a long one.
        var minRepeat = Math.Max(2, Math.Min(4, (int)Math.Ceiling(pageCount * 0.25)));
        var bodyStyle = BodyStyle(pageLines.SelectMany(p => p.Lines).ToList());
        var candidates = new List<(int PageIndex, Line Line, bool Top, bool Outermost, string Key)>();
        for (var p = 0; p < pageLines.Count; p++)
        {
            var (page, lines) = pageLines[p];
            var ordered = lines.OrderBy(l => l.Y).ToList();
            var n = ordered.Count;
            // Page furniture is set apart from the body by a gap; a title or heading that merely
            // sits high on the page is not (which matters when the same text tops many pages).
            // A block of several such lines must look unlike the body text throughout, or the tail
            // of a paragraph at the top of a page would pass for a two-line header.
            var lastTop = -1;
            for (var i = 0; i < Math.Min(3, n) && ordered[i].Bottom <= page.Height * BandShare + 1; i++)
            {
                if (i > 0 && !UnlikeBody(ordered[i], bodyStyle)) break;
                if (i + 1 >= n ? n == 1 : ordered[i + 1].Y - ordered[i].Bottom >= Separation(ordered[i]))
                    if (i == 0 || UnlikeBody(ordered[0], bodyStyle)) lastTop = i;
            }
            var firstBottom = n;
            for (var i = n - 1; i >= Math.Max(0, n - 3) && ordered[i].Y >= page.Height * (1 - BandShare) - 1; i--)
            {
                if (i < n - 1 && !UnlikeBody(ordered[i], bodyStyle)) break;
                if (i == 0 ? n == 1 : ordered[i].Y - ordered[i - 1].Bottom >= Separation(ordered[i]))
                    if (i == n - 1 || UnlikeBody(ordered[n - 1], bodyStyle)) firstBottom = i;
            }
            for (var i = 0; i < n; i++)
            {
                var line = ordered[i];
                var top = i <= lastTop;
                var bottom = i >= firstBottom && !top;
                var outermost = i == 0 || i == n - 1;
                // A bare page number at the very top or bottom goes even when it sits close to the text.
                var pageNumber = outermost && PageNumberLine().IsMatch(line.Text.Trim())
                    && (line.Bottom <= page.Height * BandShare + 1 || line.Y >= page.Height * (1 - BandShare) - 1);
                if (top || bottom || pageNumber)
                    candidates.Add((p, line, top || (pageNumber && i == 0 && n > 1), top ? i == 0 : i == n - 1, RepeatKey(line.Text)));
            }
        }

        var toRemove = new HashSet<Line>();
        foreach (var c in candidates)
            if (PageNumberLine().IsMatch(c.Line.Text.Trim())) toRemove.Add(c.Line);
        if (pageCount >= 2)
        {
            // Only pages with more than this line count as repeats: a line alone on its page is set
            // apart from nothing, and a document of one-line pages is all content (issue 17).
            foreach (var group in candidates.GroupBy(c => (c.Top, c.Key)))
                if (group.Where(c => pageLines[c.PageIndex].Lines.Count > 1).Select(c => c.PageIndex).Distinct().Count() >= minRepeat)
                    foreach (var c in group) toRemove.Add(c.Line);

            // Alternating or chapter-dependent headers change their text but keep their slot: the
            // outermost line of the page, same height, same font, a style unlike the body text.
            // Footnotes can share such a slot, so a slot counts only when its texts repeat, one of
            // its lines already proved to be running text, or (top band) it is on nearly every page.
            var provenRunning = new HashSet<Line>(toRemove);
            foreach (var group in candidates.Where(c => c.Outermost).GroupBy(c => (c.Top, Slot: (int)Math.Round(c.Line.Y / 4), Size: Math.Round(c.Line.Size * 2), c.Line.Bold, c.Line.Italic)))
            {
                var style = group.First().Line;
                var unlikeBody = UnlikeBody(style, bodyStyle);
                var pagesInSlot = group.Select(c => c.PageIndex).Distinct().Count();
                if (!unlikeBody || pagesInSlot < 2) continue;
                var repeats = group.Select(c => c.Key).Distinct().Count() <= pagesInSlot * 2 / 3.0;
                var proven = group.Any(c => provenRunning.Contains(c.Line));
                var everywhere = group.Key.Top && pagesInSlot >= pageCount * 0.9;
                if (repeats || proven || everywhere)
                    foreach (var c in group) toRemove.Add(c.Line);
            }
        }

        // A proven running line that sits close to a footnote on some page is still the same line:
        // the outermost line of a page with the text of a running line goes too.
        var runningKeys = toRemove.Select(l => RepeatKey(l.Text)).ToHashSet();
        foreach (var (page, lines) in pageLines)
        {
            if (lines.Count < 2) continue;
            var top = lines.MinBy(l => l.Y)!;
            var bottom = lines.MaxBy(l => l.Y)!;
            if (top.Bottom <= page.Height * BandShare + 1 && runningKeys.Contains(RepeatKey(top.Text))) toRemove.Add(top);
            if (bottom.Y >= page.Height * (1 - BandShare) - 1 && runningKeys.Contains(RepeatKey(bottom.Text))) toRemove.Add(bottom);
        }

        foreach (var (_, lines) in pageLines)
        {
            foreach (var line in lines.Where(toRemove.Contains)) removed.Add(line.Text);
            lines.RemoveAll(toRemove.Contains);
        }
    }

    private static bool UnlikeBody(Line line, BodyFont body) => Math.Abs(line.Size - body.Size) >= 0.75 || line.Italic || line.Bold != body.Bold;

    private static double Separation(Line line) => Math.Max(4, 0.8 * (line.Bottom - line.Y));

    /// <summary>Digits become '#', so "pagina 3 van 40" and "pagina 4 van 40" share a key.</summary>
    internal static string RepeatKey(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsDigit(c) ? '#' : c).ToArray();
        return MultipleSpaces().Replace(new string(chars), " ");
    }

    // ---------------------------------------------------------------- body style

    internal readonly record struct BodyFont(double Size, bool Bold);

    /// <summary>The most common font size (by characters) is the body text.</summary>
    private static BodyFont BodyStyle(IReadOnlyList<Line> lines)
    {
        var counts = new Dictionary<(double, bool), int>();
        foreach (var line in lines)
            foreach (var s in line.Segments)
            {
                var key = (Math.Round(s.Size * 2) / 2, s.Bold);
                counts[key] = counts.GetValueOrDefault(key) + s.Text.Length;
            }
        if (counts.Count == 0) return new BodyFont(10, false);
        var best = counts.MaxBy(kv => kv.Value).Key;
        return new BodyFont(best.Item1, best.Item2);
    }

    private static Dictionary<(double, bool), double> StyleShares(IReadOnlyList<Line> lines)
    {
        var counts = new Dictionary<(double, bool), double>();
        double total = 0;
        foreach (var line in lines)
        {
            var key = (Math.Round(line.Size * 2) / 2, line.Bold);
            var n = line.Text.Length;
            counts[key] = counts.GetValueOrDefault(key) + n;
            total += n;
        }
        if (total > 0) foreach (var k in counts.Keys.ToList()) counts[k] /= total;
        return counts;
    }

    // ---------------------------------------------------------------- columns

    internal sealed class Region
    {
        public required int Page;
        public required List<Line> Lines;
    }

    /// <summary>
    /// Splits a page into regions read one after another: full-width stretches, and for a
    /// two-column stretch the left column followed by the right one.
    /// </summary>
    internal static List<Region> OrderRegions(PdfPageText page, List<Line> lines)
    {
        var ordered = lines.OrderBy(l => l.Y).ThenBy(l => l.X).ToList();
        if (ordered.Count == 0) return [];
        var gutter = FindGutter(ordered);
        if (gutter is null) return [new Region { Page = page.Number, Lines = ordered }];

        var g = gutter.Value;
        var regions = new List<Region>();
        var full = new List<Line>();
        var left = new List<Line>();
        var right = new List<Line>();
        void FlushColumns()
        {
            if (left.Count > 0) regions.Add(new Region { Page = page.Number, Lines = [.. left] });
            if (right.Count > 0) regions.Add(new Region { Page = page.Number, Lines = [.. right] });
            left.Clear();
            right.Clear();
        }
        void FlushFull()
        {
            if (full.Count > 0) regions.Add(new Region { Page = page.Number, Lines = [.. full] });
            full.Clear();
        }
        foreach (var line in ordered)
        {
            if (line.Segments.Any(s => s.Pieces.Any(p => p.X < g - 1 && p.Right > g + 1)))
            {
                FlushColumns();
                full.Add(line);
                continue;
            }
            FlushFull();
            var split = line.Segments.SelectMany(s => s.X < g - 1 && s.Right > g + 1 ? SplitSegment(s, g) : [s]).ToList();
            var l = split.Where(s => s.Right <= g + 1).ToList();
            var r = split.Where(s => s.X >= g - 1 && s.Right > g + 1).ToList();
            if (l.Count > 0) left.Add(line.With(l));
            if (r.Count > 0) right.Add(line.With(r));
        }
        FlushColumns();
        FlushFull();
        return regions;
    }

    /// <summary>
    /// The x of a gap between two text columns, if the page has one: a vertical strip in the
    /// middle third that few segments cross, with well-filled text lines on both sides (which
    /// tells columns apart from a table's short cells).
    /// </summary>
    internal static double? FindGutter(IReadOnlyList<Line> lines)
    {
        // Runs rather than segments: across a narrow gutter the left and right column text of a
        // justified line can sit closer than a space's width and were joined into one segment.
        var segments = lines.SelectMany(l => l.Segments).SelectMany(s => s.Pieces).ToList();
        if (segments.Count < 10) return null;
        var left = segments.Min(s => s.X);
        var right = segments.Max(s => s.Right);
        var width = right - left;
        if (width <= 0) return null;
        // Fast path for ordinary pages: many lines run across the whole middle third.
        var spanning = 0;
        foreach (var s in segments) if (s.X < left + 0.3 * width - 1 && s.Right > left + 0.7 * width + 1) spanning++;
        if (spanning > lines.Count * 0.2) return null;

        double? best = null;
        var bestCrossing = int.MaxValue;
        for (var x = left + 0.3 * width; x <= left + 0.7 * width; x += 2)
        {
            var crossing = 0;
            foreach (var s in segments) if (s.X < x - 1 && s.Right > x + 1) crossing++;
            if (crossing < bestCrossing || (crossing == bestCrossing && best is { } b && Math.Abs(x - (left + width / 2)) < Math.Abs(b - (left + width / 2))))
            {
                bestCrossing = crossing;
                best = x;
            }
        }
        if (best is not { } gx || bestCrossing > lines.Count * 0.2) return null;

        // Per line, the extent of its text on either side of the gap.
        var leftExtents = new List<(double X, double Right)>();
        var rightExtents = new List<(double X, double Right)>();
        var leftTexts = new List<string>();
        var rightTexts = new List<string>();
        foreach (var line in lines)
        {
            var pieces = line.Segments.SelectMany(s => s.Pieces).ToList();
            var l = pieces.Where(s => s.Right <= gx + 1).ToList();
            var r = pieces.Where(s => s.X >= gx - 1).ToList();
            if (l.Count > 0) { leftExtents.Add((l.Min(s => s.X), l.Max(s => s.Right))); leftTexts.Add(string.Join(" ", l.Select(s => s.Text))); }
            if (r.Count > 0) { rightExtents.Add((r.Min(s => s.X), r.Max(s => s.Right))); rightTexts.Add(string.Join(" ", r.Select(s => s.Text))); }
        }
        if (leftExtents.Count < 5 || rightExtents.Count < 5) return null;
        // Columns hold running text on both sides; a table's label column beside its figures does not.
        if (!Prose(leftTexts) || !Prose(rightTexts)) return null;
        var leftFill = Median(leftExtents.Select(s => s.Right - s.X)) / (gx - left);
        var rightFill = Median(rightExtents.Select(s => s.Right - s.X)) / (right - gx);
        // Column text fills most of its column; most lines start at the column's left edge
        // (a first-line indent or two aside).
        if (leftFill < 0.55 || rightFill < 0.55) return null;
        var rightStart = rightExtents.Min(s => s.X);
        if (rightExtents.Count(s => s.X - rightStart < 20) < rightExtents.Count * 0.6) return null;
        // Widen the gap to its middle, so that ragged column edges do not matter.
        var gapLeft = leftExtents.Max(s => s.Right);
        return rightStart > gapLeft ? (gapLeft + rightStart) / 2 : gx;
    }

    private static bool Prose(List<string> texts)
    {
        var letters = texts.Sum(t => t.Count(char.IsLetter));
        var all = texts.Sum(t => t.Count(c => !char.IsWhiteSpace(c)));
        return all > 0 && letters >= all * 0.75 && Median(texts.Select(t => (double)t.Length)) >= 20;
    }

    /// <summary>Cuts a segment at the gutter between two of its runs.</summary>
    private static IEnumerable<Segment> SplitSegment(Segment s, double gutter)
    {
        foreach (var side in new[] { s.Pieces.Where(p => p.Right <= gutter + 1).ToList(), s.Pieces.Where(p => p.X >= gutter - 1).ToList() })
        {
            if (side.Count == 0) continue;
            var text = new System.Text.StringBuilder();
            for (var i = 0; i < side.Count; i++)
            {
                if (i > 0 && !side[i].Tight) text.Append(' ');
                text.Append(side[i].Text);
            }
            yield return new Segment { X = side[0].X, Right = side.Max(p => p.Right), Y = s.Y, Bottom = s.Bottom, Size = s.Size, Bold = s.Bold, Italic = s.Italic, Text = text.ToString().Trim(), Pieces = side };
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    // ---------------------------------------------------------------- line pitch

    /// <summary>Typical distance between consecutive lines of one paragraph, per font size.</summary>
    internal sealed class PitchModel
    {
        private readonly Dictionary<double, double> _bySize;
        private readonly double _ratio;

        private PitchModel(Dictionary<double, double> bySize, double ratio) { _bySize = bySize; _ratio = ratio; }

        public static PitchModel From(IEnumerable<Region> regions, double bodySize)
        {
            var bySize = Samples(regions, minCount: 2);
            var ratio = bySize.TryGetValue(Math.Round(bodySize * 2) / 2, out var bodyPitch) ? bodyPitch / bodySize : 1.2;
            return new PitchModel(bySize, ratio);
        }

        /// <summary>
        /// The pitch of one region where it has enough prose lines of its own: a document often mixes
        /// tight tables with 1.5-spaced text of the same font size, and one global pitch would cut the
        /// looser text into one paragraph per line.
        /// </summary>
        public PitchModel ForRegion(Region region)
        {
            var local = Samples([region], minCount: 3);
            if (local.Count == 0) return this;
            var merged = new Dictionary<double, double>(_bySize);
            foreach (var (size, pitch) in local) merged[size] = pitch;
            return new PitchModel(merged, _ratio);
        }

        /// <summary>Steps between consecutive single-segment lines of one size (table rows have their own spacing).</summary>
        private static Dictionary<double, double> Samples(IEnumerable<Region> regions, int minCount)
        {
            var samples = new Dictionary<double, List<double>>();
            foreach (var region in regions)
                for (var i = 1; i < region.Lines.Count; i++)
                {
                    var a = region.Lines[i - 1];
                    var b = region.Lines[i];
                    if (a.Segments.Count > 1 || b.Segments.Count > 1) continue;
                    var size = Math.Round(a.Size * 2) / 2;
                    if (Math.Round(b.Size * 2) / 2 != size) continue;
                    var pitch = b.Y - a.Y;
                    if (pitch < 0.9 * size || pitch > 2.5 * size) continue;
                    if (!samples.TryGetValue(size, out var list)) samples[size] = list = [];
                    list.Add(pitch);
                }
            // Within-paragraph pitches are the common, small ones; paragraph gaps are the rarer large ones.
            return samples.Where(kv => kv.Value.Count >= minCount).ToDictionary(kv => kv.Key, kv => Quantile(kv.Value, 0.3));
        }

        public double Expected(double size) =>
            _bySize.TryGetValue(Math.Round(size * 2) / 2, out var pitch) ? pitch : size * _ratio;

        private static double Quantile(List<double> values, double q)
        {
            values.Sort();
            return values[(int)Math.Floor(q * (values.Count - 1))];
        }
    }

    // ---------------------------------------------------------------- grouping

    internal enum Pending { Text, ListItem, TableRow }

    internal sealed class BlockBuilder
    {
        public required int Page;
        public Pending Kind;
        public List<Line> Lines = [];
        public List<string> Cells = [];
        public IReadOnlyList<string> Headers = [];
        public string? Label;
        public bool StartsRegion;
        public bool IsHeading;
        public bool IsFootnote;
        public double Size => Lines.Count > 0 ? Lines[0].Size : 0;
        public bool Bold => Lines.All(l => l.Bold);
        public (double, bool) StyleKey => (Math.Round(Size * 2) / 2, Bold);

        public string JoinedText(PdfTextRepair repair)
        {
            var text = "";
            for (var i = 0; i < Lines.Count; i++)
            {
                var lineText = Lines[i].Text;
                if (i == 0 && Label is not null) lineText = lineText.TrimStart()[Label.Length..].TrimStart();
                text = i == 0 ? lineText : repair.Join(text, lineText);
            }
            return PdfTextRepair.RemoveSoftHyphens(text).Trim();
        }

        public Block? ToBlock(PdfTextRepair repair, IReadOnlyDictionary<(double, bool), int> levels, bool fromOcr)
        {
            if (Kind == Pending.TableRow)
            {
                var cells = Cells.Select(c => PdfTextRepair.RemoveSoftHyphens(c).Trim()).ToList();
                if (cells.All(c => c.Length == 0)) return null;
                var headers = Headers.Count == cells.Count ? Headers : [];
                return new Block(BlockKind.TableRow, string.Join('\t', cells), Page, tableHeaders: headers, fromOcr: fromOcr);
            }
            var text = JoinedText(repair);
            if (text.Length == 0) return null;
            if (Kind == Pending.ListItem) return new Block(BlockKind.ListItem, text, Page, listLabel: Label, fromOcr: fromOcr);
            if (IsHeading) return new Block(BlockKind.Heading, text, Page, headingLevel: levels.GetValueOrDefault(StyleKey, 0), fromOcr: fromOcr);
            if (IsFootnote) text = FootnoteMarker().Replace(text, "$1 ");
            return new Block(BlockKind.Paragraph, text, Page, fromOcr: fromOcr);
        }
    }

    internal sealed record TableState(int Columns, IReadOnlyList<string> Headers);

    private static IEnumerable<BlockBuilder> GroupRegion(Region region, PitchModel pitch, BodyFont body, PdfTextRepair repair, ref TableState? lastTable)
    {
        var result = new List<BlockBuilder>();
        var lines = region.Lines;
        pitch = pitch.ForRegion(region);
        var regionLeft = lines.Min(l => l.X);
        var regionRight = lines.Max(l => l.Right);
        var regionWidth = Math.Max(1, regionRight - regionLeft);
        BlockBuilder? current = null;

        for (var i = 0; i < lines.Count; i++)
        {
            var table = TryTable(lines, i, pitch);
            if (table is not null)
            {
                // Header lines that span the value columns sit above the first row, often further
                // apart than the rows; take them back from the paragraph they were put in.
                var first = i;
                while (first > 0 && i - first < 3 && current is not null && current.Lines.Count > 0 && current.Lines[^1] == lines[first - 1]
                       && IsHeaderLineAbove(lines[first - 1], lines[first], table.Value.Columns, pitch))
                {
                    current.Lines.RemoveAt(current.Lines.Count - 1);
                    first--;
                }
                if (current is { Lines.Count: 0 }) result.Remove(current);
                current = null;
                var rows = TableRows(lines, first, table.Value.End, table.Value.Columns, region.Page, repair, ref lastTable, startsPage: first == 0);
                result.AddRange(rows);
                i = table.Value.End - 1;
                continue;
            }

            var line = lines[i];
            var label = ListLabel().Match(line.Text.TrimStart());
            // "1. Inleiding" in a heading font is a numbered heading, not a list item.
            if (label.Success && (line.Bold || line.Size >= body.Size + 1)) label = Match.Empty;
            if (current is not null && ContinuesBlock(current, lines[i - 1], line, label.Success, pitch, regionRight, regionWidth))
            {
                current.Lines.Add(line);
                continue;
            }
            current = new BlockBuilder { Page = region.Page, Kind = label.Success ? Pending.ListItem : Pending.Text, Lines = [line] };
            if (label.Success) current.Label = label.Groups["label"].Value;
            result.Add(current);
        }
        return result;
    }

    private static bool ContinuesBlock(BlockBuilder current, Line prev, Line line, bool startsListItem, PitchModel pitch, double regionRight, double regionWidth)
    {
        if (startsListItem) return false;
        if (Math.Abs(line.Size - prev.Size) >= 0.75 || line.Bold != prev.Bold) return false;
        var step = line.Y - prev.Y;
        if (step <= 0 || step > pitch.Expected(prev.Size) * 1.2 + 0.5) return false;
        var em = prev.Size;
        if (current.Kind == Pending.ListItem)
            return line.X >= current.Lines[0].X + 0.4 * em;   // hanging indent under the label
        var centered = Math.Abs((line.X + line.Right) / 2 - (prev.X + prev.Right) / 2) < 2 && Math.Abs(line.X - prev.X) > 2;
        if (!centered && line.X > prev.X + 0.8 * em) return false;   // first-line indent opens a paragraph
        var prevText = prev.Text.TrimEnd();
        if (prevText.Length > 0 && prevText[^1] is '.' or '!' or '?' or ':' && prev.Right < regionRight - 0.2 * regionWidth && !centered)
            return false;   // a short line ending a sentence closes its paragraph
        return true;
    }

    // ---------------------------------------------------------------- tables

    /// <summary>A table column: the horizontal extent its cells' text covers.</summary>
    internal readonly record struct Column(double Left, double Right);

    /// <summary>
    /// A table starts at a line with several segments and runs while lines have several segments or
    /// are wrapped cell text inside one of its columns; single-segment lines after the last
    /// multi-segment line stay only when they continue its row. At least two multi-segment lines,
    /// and not two columns of running prose (that is a two-column page, not a table).
    /// </summary>
    private static (int End, List<Column> Columns)? TryTable(List<Line> lines, int start, PitchModel pitch)
    {
        if (lines[start].Segments.Count < 2) return null;
        var multi = 1;
        var lastMulti = start;
        var end = start + 1;
        while (end < lines.Count)
        {
            var line = lines[end];
            var prev = lines[end - 1];
            var step = line.Y - prev.Y;
            if (step > pitch.Expected(prev.Size) * 2.6 + 2) break;
            if (line.Segments.Count >= 2)
            {
                multi++;
                lastMulti = end;
            }
            else
            {
                // Wrapped cell text stays inside one column of the lines above.
                var columns = Columns(lines, start, end);
                var inside = columns.FindIndex(c => line.X >= c.Left - 4 && line.X <= c.Right + 2);
                if (inside < 0 || inside + 1 < columns.Count && line.Right > columns[inside + 1].Left + 2) break;
                if (ProseLike(line) && inside == 0 && columns.Count == 2) break;
            }
            end++;
        }
        // Trailing single lines belong to the table only when they wrap the last row's text.
        var stop = lastMulti + 1;
        while (stop < end && lines[stop].Y - lines[stop - 1].Y <= pitch.Expected(lines[stop - 1].Size) * 1.2 + 0.5) stop++;
        if (multi < 2) return null;
        var result = Columns(lines, start, stop);
        if (result.Count < 2 || LooksLikeTextColumns(lines, start, stop, result)) return null;
        return (stop, result);
    }

    /// <summary>
    /// Columns from the segments of the multi-segment lines: overlapping extents merge, so
    /// right-aligned numbers of one column form one column however wide each number is. Header
    /// lines (bold at the top) are left out when body lines exist: their cells may span columns.
    /// </summary>
    private static List<Column> Columns(List<Line> lines, int start, int end)
    {
        var body = new List<Line>();
        for (var i = start; i < end; i++) if (lines[i].Segments.Count >= 2) body.Add(lines[i]);
        var withoutHeader = body.SkipWhile(l => l.Bold).ToList();
        if (withoutHeader.Count >= 2) body = withoutHeader;
        var extents = body.SelectMany(l => l.Segments).Select(s => (s.X, s.Right)).OrderBy(e => e.X).ToList();
        // A run the engine merged across two cells would glue their columns together: leave out a
        // run whose removal splits its column into parts that each have cells of their own.
        var kept = extents;
        for (var round = 0; round < 8; round++)
        {
            var bridge = -1;
            foreach (var cluster in Merge(kept).Where(c => c.Members.Count >= 3))
            {
                foreach (var m in cluster.Members.OrderByDescending(m => kept[m].Right - kept[m].X))
                {
                    var parts = Merge(cluster.Members.Where(o => o != m).Select(o => kept[o]).ToList());
                    if (parts.Count >= 2 && parts.All(part => part.Members.Count >= 2)) { bridge = m; break; }
                }
                if (bridge >= 0) break;
            }
            if (bridge < 0) break;
            kept = kept.Where((_, i) => i != bridge).ToList();
        }
        return Merge(kept).Select(c => c.Column).ToList();
    }

    /// <summary>Merges extents (sorted by left edge) that overlap into columns, with the indexes of their members.</summary>
    private static List<(Column Column, List<int> Members)> Merge(List<(double X, double Right)> extents)
    {
        var columns = new List<(Column Column, List<int> Members)>();
        for (var i = 0; i < extents.Count; i++)
        {
            var (x, right) = extents[i];
            if (columns.Count > 0 && x <= columns[^1].Column.Right + 1)
            {
                columns[^1].Members.Add(i);
                columns[^1] = (new Column(columns[^1].Column.Left, Math.Max(columns[^1].Column.Right, right)), columns[^1].Members);
            }
            else
            {
                columns.Add((new Column(x, right), [i]));
            }
        }
        return columns;
    }

    /// <summary>Two "columns" of long, sentence-like text are the columns of a page, read one after the other.</summary>
    private static bool LooksLikeTextColumns(List<Line> lines, int start, int end, List<Column> columns)
    {
        if (columns.Count != 2) return false;
        var cells = new List<string>();
        for (var i = start; i < end; i++) cells.AddRange(lines[i].Segments.Select(s => s.Text));
        if (cells.Count < 6) return false;
        var wordy = cells.Count(c => c.Count(ch => ch == ' ') >= 4 && c.Count(char.IsLetter) >= c.Length * 0.7);
        var widths = Math.Min(columns[0].Right - columns[0].Left, columns[1].Right - columns[1].Left);
        return wordy >= cells.Count * 0.6 && widths >= 120;
    }

    private static bool ProseLike(Line line) => line.Text.Count(c => c == ' ') >= 6;

    /// <summary>A line right above a table whose text lies over its value columns: column headers.</summary>
    private static bool IsHeaderLineAbove(Line above, Line first, List<Column> columns, PitchModel pitch)
    {
        if (first.Y - above.Y > pitch.Expected(above.Size) * 2.6 + 2 || first.Y <= above.Y) return false;
        var text = above.Text.Trim();
        if (text.Length == 0 || text.Length > 160 || text.EndsWith('.') || text.EndsWith(':')) return false;
        // Over the value columns, not a caption at the left ("Tabel 2.1 …").
        return columns.Count >= 2 && above.Right > columns[1].Left && (above.Segments.Count >= 2 || above.X >= columns[1].Left - 4)
            && !Caption().IsMatch(text);
    }

    private static List<BlockBuilder> TableRows(List<Line> lines, int start, int end, List<Column> columns, int page, PdfTextRepair repair, ref TableState? lastTable, bool startsPage)
    {
        var lefts = columns.Select(c => c.Left).ToList();
        // The engine sometimes merges neighbouring cells into one run ("Sociale vaardigheden 40.000");
        // split such runs where they cross a column start.
        var segmentsOf = new Dictionary<Line, List<Segment>>();
        for (var i = start; i < end; i++) segmentsOf[lines[i]] = SplitAtColumns(lines[i].Segments, lefts);
        int Col(Segment s) => ColumnOf(columns, s);
        bool HasValues(Line l) => segmentsOf[l].Any(s => Col(s) > 0);

        // Header lines: bold lines at the top, or the lines before the first line with a number in
        // a value column (years such as "2026" are header text), at most three.
        var headerEnd = start;
        while (headerEnd < end && headerEnd - start < 3 && lines[headerEnd].Bold && end - headerEnd > 1) headerEnd++;
        if (headerEnd == start)
        {
            var firstNumeric = -1;
            for (var i = start; i < end && firstNumeric < 0; i++)
                if (segmentsOf[lines[i]].Any(s => Col(s) > 0 && IsAmount(s.Text))) firstNumeric = i;
            // Label lines right before the first figures are that row's label, not header.
            while (firstNumeric > start && !HasValues(lines[firstNumeric - 1])) firstNumeric--;
            if (firstNumeric > start && firstNumeric - start <= 3) headerEnd = firstNumeric;
        }
        else
        {
            // A small-print line right under a bold header ("bedragen x € 1.000 | 2024 | 2025") belongs to it.
            while (headerEnd < end - 1 && headerEnd - start < 3 && segmentsOf[lines[headerEnd]].Where(s => Col(s) > 0).All(s => YearLike().IsMatch(s.Text.Trim())) && HasValues(lines[headerEnd])) headerEnd++;
        }

        // Rows: padding between rows shows them where it exists. Otherwise every row has one line
        // with values; its label lines come before it when the first body line has none (cells
        // aligned at the bottom or centred), else after it (wrapped text under the first line).
        var steps = new List<double>();
        for (var i = headerEnd + 1; i < end; i++) steps.Add(lines[i].Y - lines[i - 1].Y);
        var minStep = steps.Count > 0 ? steps.Min() : 0;
        var gapsShowRows = steps.Count > 0 && steps.Any(s => s > minStep * 1.3 + 0.5) && steps.Count(s => s <= minStep * 1.3 + 0.5) >= 1;
        var bottomAligned = headerEnd < end && !HasValues(lines[headerEnd]);
        var rows = new List<List<Line>>();
        for (var i = headerEnd; i < end; i++)
        {
            var line = lines[i];
            bool newRow;
            if (rows.Count == 0) newRow = true;
            else if (gapsShowRows) newRow = line.Y - lines[i - 1].Y > minStep * 1.3 + 0.5;
            else if (bottomAligned) newRow = rows[^1].Any(HasValues);
            else
            {
                var first = segmentsOf[line].FirstOrDefault(s => Col(s) == 0)?.Text.TrimStart();
                newRow = HasValues(line) && (first is null || first.Length == 0 || !char.IsLower(first[0]))
                    || segmentsOf[line].Select(Col).Distinct().Count() == columns.Count;
            }
            if (newRow) rows.Add([]);
            rows[^1].Add(line);
        }

        List<string> Cells(IEnumerable<Line> rowLines)
        {
            var cells = Enumerable.Repeat("", columns.Count).ToList();
            foreach (var line in rowLines)
                foreach (var s in segmentsOf[line])
                {
                    var col = Col(s);
                    cells[col] = cells[col].Length == 0 ? s.Text : repair.Join(cells[col], s.Text);
                }
            return cells;
        }

        IReadOnlyList<string> headers = [];
        if (headerEnd > start)
            headers = Cells(lines.Skip(start).Take(headerEnd - start)).Select(c => PdfTextRepair.RemoveSoftHyphens(c).Trim()).ToList();
        else if (startsPage && lastTable is { } previous && previous.Columns == columns.Count)
            headers = previous.Headers;   // a table continued from the previous page
        lastTable = new TableState(columns.Count, headers);

        var result = new List<BlockBuilder>();
        foreach (var row in rows)
            result.Add(new BlockBuilder { Page = page, Kind = Pending.TableRow, Cells = Cells(row), Headers = headers, Lines = row });
        if (rows.Count == 0 && headers.Count > 0)   // a table that is all header: keep its text
            result.Add(new BlockBuilder { Page = page, Kind = Pending.TableRow, Cells = [.. headers], Headers = [], Lines = [.. lines.Skip(start).Take(end - start)] });
        return result;
    }

    /// <summary>An amount or figure: digits with separators, signs, currency or percent; not a year.</summary>
    private static bool IsAmount(string text)
    {
        var t = text.Trim();
        return t.Length > 0 && t.Any(char.IsDigit) && t.All(c => char.IsDigit(c) || c is '.' or ',' or '-' or '+' or '−' or '€' or '%' or ' ' or '(' or ')')
            && !YearLike().IsMatch(t);
    }

    /// <summary>
    /// Splits a run that starts in one column and runs past the start of the next at the space
    /// closest to that column start (estimated from the run's width; runs hold no word positions).
    /// </summary>
    private static List<Segment> SplitAtColumns(List<Segment> segments, List<double> anchors)
    {
        var result = new List<Segment>(segments.Count);
        foreach (var segment in segments)
        {
            var s = segment;
            while (true)
            {
                var next = anchors.Where(a => a > s.X + 4 && a < s.Right - 4).DefaultIfEmpty(double.NaN).Min();
                if (double.IsNaN(next) || s.Text.Length < 3) break;
                var charWidth = (s.Right - s.X) / s.Text.Length;
                var estimate = (next - s.X) / charWidth;
                var best = -1;
                for (var k = 1; k < s.Text.Length - 1; k++)
                    if (s.Text[k] == ' ' && (best < 0 || Math.Abs(k - estimate) < Math.Abs(best - estimate))) best = k;
                // Only split when a word break sits near the column start; otherwise the run is one cell.
                if (best < 0 || Math.Abs(best - estimate) > Math.Max(3, s.Text.Length * 0.12)) break;
                var left = s.Text[..best].TrimEnd();
                var right = s.Text[(best + 1)..].TrimStart();
                if (left.Length == 0 || right.Length == 0) break;
                result.Add(new Segment { X = s.X, Right = s.X + charWidth * best, Y = s.Y, Bottom = s.Bottom, Size = s.Size, Bold = s.Bold, Italic = s.Italic, Text = left });
                s = new Segment { X = Math.Max(next, s.X + charWidth * (best + 1)), Right = s.Right, Y = s.Y, Bottom = s.Bottom, Size = s.Size, Bold = s.Bold, Italic = s.Italic, Text = right };
            }
            result.Add(s);
        }
        return result;
    }

    /// <summary>The column a segment overlaps most; the nearest one when it overlaps none.</summary>
    private static int ColumnOf(List<Column> columns, Segment s)
    {
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < columns.Count; i++)
        {
            var overlap = Math.Min(s.Right, columns[i].Right) - Math.Max(s.X, columns[i].Left);
            if (overlap > bestScore) { bestScore = overlap; best = i; }
        }
        return best;
    }

    // ---------------------------------------------------------------- classification

    private static void Classify(BlockBuilder b, BodyFont body, Dictionary<(double, bool), double> shares)
    {
        if (b.Kind != Pending.Text || b.Lines.Count == 0) return;
        var text = string.Join(" ", b.Lines.Select(l => l.Text)).Trim();
        var size = b.Size;
        var larger = size >= body.Size + Math.Max(1, body.Size * 0.12);
        // A bold sentence at body size ("Let op: aanvragen vóór 1 maart.") is emphasis, not a heading.
        var boldAtBodySize = b.Bold && !body.Bold && size >= body.Size - 0.5 && !text.EndsWith('.');
        var share = shares.GetValueOrDefault((Math.Round(b.Lines.Average(l => l.Size) * 2) / 2, b.Bold));
        if ((larger && b.Lines.Count <= 3 || boldAtBodySize && b.Lines.Count <= 2)
            && text.Length <= 250 && text.Any(char.IsLetter) && share < 0.3)
        {
            b.IsHeading = true;
            return;
        }
        if (size <= body.Size * 0.88 && text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '*' or '†'))
            b.IsFootnote = true;
    }

    /// <summary>Heading styles ranked by size (bold before regular at the same size): 1 is the largest.</summary>
    private static Dictionary<(double, bool), int> HeadingLevels(IEnumerable<BlockBuilder> blocks)
    {
        var styles = blocks.Where(b => b.IsHeading).Select(b => b.StyleKey).Distinct()
            .OrderByDescending(s => s.Item1).ThenByDescending(s => s.Item2).ToList();
        var levels = new Dictionary<(double, bool), int>();
        for (var i = 0; i < styles.Count; i++) levels[styles[i]] = Math.Min(9, i + 1);
        return levels;
    }

    /// <summary>
    /// A paragraph cut by a column or page break continues in the next region when it did not end
    /// a sentence and the next region starts in lower case; footnotes in between stay after it.
    /// </summary>
    private static List<BlockBuilder> MergeContinuations(List<BlockBuilder> blocks, PdfTextRepair repair)
    {
        var result = new List<BlockBuilder>(blocks.Count);
        BlockBuilder? open = null;
        foreach (var b in blocks)
        {
            if (b.StartsRegion && open is not null && b.Kind == Pending.Text && !b.IsHeading && !b.IsFootnote
                && Math.Abs(b.Size - open.Size) < 0.75 && StartsLower(b.Lines[0].Text) && !EndsSentence(open.JoinedText(repair)))
            {
                open.Lines.AddRange(b.Lines);
                continue;
            }
            result.Add(b);
            if (b.IsFootnote) continue;
            open = (b.Kind is Pending.Text or Pending.ListItem) && !b.IsHeading ? b : null;
        }
        return result;
    }

    private static bool StartsLower(string text)
    {
        var t = text.TrimStart();
        return t.Length > 0 && char.IsLower(t[0]);
    }

    private static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        return t.Length == 0 || t[^1] is '.' or '!' or '?' or ':' or ';' or '"' or '”' or '’' or ')';
    }

    // ---------------------------------------------------------------- patterns

    // Bullets include the private-use glyphs of Symbol/Wingdings fonts that Word exports (U+F0B7 …).
    [GeneratedRegex(@"^(?<label>[•◦▪▫●○■□►▶➢➤✓✔‣⁃∙·\-–*\uF020-\uF0FF]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+(?=\S)")]
    private static partial Regex ListLabel();

    [GeneratedRegex(@"^([•◦▪▫●○■□►▶➢➤✓✔‣⁃∙·\-–*\uF020-\uF0FF]|\(?\d{1,2}[.)]|\(?[a-z][.)])$")]
    private static partial Regex ListLabelOnly();

    [GeneratedRegex(@"^[\-–—\s]*((pagina|pag\.|blz\.?|bladzijde|p\.|page)\s*)?(\d{1,4}|[ivxlc]{1,6})(\s*(/|van|of|op|\|)\s*\d{1,4})?[\-–—\s]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumberLine();

    // Four or more leader characters (dots, middle dots, ellipses, underscores), optionally a page number.
    [GeneratedRegex(@"([.·…_]\s?){4,}\s*(\d{1,4}|[ivxlc]{1,6})?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DotLeader();

    [GeneratedRegex(@"^(\d{1,4}|[ivxlc]{1,6})$", RegexOptions.IgnoreCase)]
    private static partial Regex TocPageNumber();

    [GeneratedRegex(@"^(inhoud|inhoudsopgave|inhoudstafel|inhoudsoverzicht|table of contents|contents)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex TocTitle();

    [GeneratedRegex(@"^(tabel|table|figuur|figure|grafiek|bron|source)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex(@"^(19|20)\d\d(\s*\(%\))?$")]
    private static partial Regex YearLike();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^(\d{1,3})(?=\p{Lu})")]
    private static partial Regex FootnoteMarker();
}

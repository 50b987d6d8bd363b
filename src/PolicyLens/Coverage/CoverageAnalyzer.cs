using PolicyLens.Passages;
using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>
/// The default coverage analysis. One pass over the passages collects per label the passages,
/// summed scores and whether a heading or action carries it; sections, matrices, chapters and the
/// outline come from the same pass. Linear in passages × tags; thread-safe (no mutable state).
/// </summary>
public sealed class CoverageAnalyzer : ICoverageAnalyzer
{
    private readonly CoverageOptions _options;
    private readonly IPlanChecker _checker;

    /// <param name="checker">Runs the plan checks on every analysed plan; none when null.</param>
    public CoverageAnalyzer(CoverageOptions? options = null, IPlanChecker? checker = null)
    {
        _options = options ?? new CoverageOptions();
        _options.Validate();
        _checker = checker ?? PlanCheckers.None;
    }

    public CoverageOptions Options => _options;

    /// <summary>The checks every analysis runs.</summary>
    public IPlanChecker Checker => _checker;

    public PlanCoverage Analyze(PlanInfo plan, IReadOnlyList<TaggedPassage> passages, IReadOnlyList<LabelInfo> labels)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(labels);

        var ordered = InOrder(passages);
        // Keyed by (dimension, id) so looking a tag up allocates nothing.
        var index = new Dictionary<(string, string), int>(labels.Count);
        for (var i = 0; i < labels.Count; i++)
            if (!index.TryAdd((labels[i].Dimension, labels[i].Id), i))
                throw new ArgumentException($"The label {LabelKeys.Of(labels[i])} is listed twice.", nameof(labels));

        var sections = new SectionMap(ordered);
        var actionHeadings = new HeadingKinds();
        var acc = new LabelAccumulator[labels.Count];
        for (var i = 0; i < acc.Length; i++) acc[i] = new LabelAccumulator();
        var underAction = new bool[ordered.Length];
        var textPassages = 0;

        for (var pi = 0; pi < ordered.Length; pi++)
        {
            var tagged = ordered[pi];
            var passage = tagged.Passage;
            var section = sections.Of(pi);
            var isText = PassageCounts.IsRunningText(passage.Kind);
            if (isText) textPassages++;
            // Only running text under an action is a commitment; table rows there are mostly budget lines.
            underAction[pi] = isText && actionHeadings.AnyAction(passage.Headings);
            foreach (var tag in tagged.Tags)
            {
                if (!index.TryGetValue((tag.Dimension, tag.Label), out var li)) continue; // a label of another rule set
                var a = acc[li];
                if (!a.Rule.Add(passage, tag.Score, OnOwnWords(tag), underAction[pi])) continue;
                if (isText && section is not null) a.Sections[section] = a.Sections.GetValueOrDefault(section) + 1;
            }
        }

        var total = Math.Max(1, textPassages);
        var coverage = new LabelCoverage[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var a = acc[i];
            var (status, reason) = a.Rule.Decide(_options);
            var hits = sections.Order
                .Where(a.Sections.ContainsKey)
                .Select(h => new SectionHit(h, a.Sections[h]))
                .ToArray();
            coverage[i] = new LabelCoverage(labels[i], a.Rule.Counts, Math.Round(a.Rule.Strength, 4),
                Math.Min(1.0, (double)a.Rule.Text / total), status, reason, a.Rule.Ordinals.ToArray(), hits);
        }

        var elementByLevel = Matrix("element", "level", labels, ordered, underAction);
        var elementByType = Matrix("element", "type", labels, ordered, underAction);
        var gaps = coverage
            .Where(c => _options.GapDimensions.Contains(c.Label.Dimension) && c.Status != CoverageStatus.Uitgewerkt)
            .Select(c => new Gap(c.Label, c.Status, c.Label.SuggestedActions))
            .ToArray();
        var chapters = Chapters(sections, ordered);
        var outline = Outline(ordered, index, labels);
        var result = new PlanCoverage(plan, ordered, coverage, elementByLevel, elementByType, gaps, chapters, outline, _options);
        // The checks read the finished coverage through its summary, so they say what the report says.
        return _checker.Checks.Count == 0 ? result : result.WithChecks(_checker.Check(PlanSummaryBuilder.Build(result)));
    }

    private static TaggedPassage[] InOrder(IReadOnlyList<TaggedPassage> passages)
    {
        var array = passages.ToArray();
        for (var i = 1; i < array.Length; i++)
            if (array[i - 1].Passage.Ordinal > array[i].Passage.Ordinal)
                return [.. array.OrderBy(p => p.Passage.Ordinal)];
        return array;
    }

    private static bool OnOwnWords(PassageTag tag)
    {
        foreach (var e in tag.Evidence)
            if (e.Source == EvidenceSource.Passage) return true;
        return false;
    }

    private CoverageMatrix Matrix(string rowDimension, string columnDimension, IReadOnlyList<LabelInfo> labels, TaggedPassage[] passages, bool[] underAction)
    {
        var rows = labels.Where(l => l.Dimension == rowDimension).ToArray();
        var columns = labels.Where(l => l.Dimension == columnDimension).ToArray();
        var cells = new Dictionary<(string, string), StatusRule.Accumulator>();
        foreach (var row in rows)
            foreach (var column in columns)
                cells[(row.Id, column.Id)] = new StatusRule.Accumulator();
        for (var pi = 0; pi < passages.Length; pi++)
        {
            var tagged = passages[pi];
            foreach (var r in tagged.Tags)
            {
                if (r.Dimension != rowDimension) continue;
                foreach (var c in tagged.Tags)
                {
                    if (c.Dimension != columnDimension || !cells.TryGetValue((r.Label, c.Label), out var cell)) continue;
                    // The cell is about the row label (the element) at that level: its words and score decide.
                    cell.Add(tagged.Passage, r.Score, OnOwnWords(r), underAction[pi]);
                }
            }
        }
        var list = new List<MatrixCell>(rows.Length * columns.Length);
        foreach (var row in rows)
            foreach (var column in columns)
            {
                var cell = cells[(row.Id, column.Id)];
                var (status, reason) = cell.Decide(_options);
                list.Add(new MatrixCell(row.Id, column.Id, cell.Counts, Math.Round(cell.Strength, 4), status, reason, cell.Ordinals.ToArray()));
            }
        return new CoverageMatrix(rowDimension, columnDimension, rows, columns, list);
    }

    private ChapterContribution[] Chapters(SectionMap sections, TaggedPassage[] passages)
    {
        var domains = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var elements = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var pi = 0; pi < passages.Length; pi++)
        {
            var tagged = passages[pi];
            var section = sections.Of(pi);
            if (section is null) continue;
            if (PassageCounts.IsRunningText(tagged.Passage.Kind)) counts[section] = counts.GetValueOrDefault(section) + 1;
            foreach (var tag in tagged.Tags)
            {
                if (tag.Dimension == "domain")
                {
                    if (!domains.TryGetValue(section, out var d)) domains[section] = d = new(StringComparer.Ordinal);
                    d[tag.Label] = d.GetValueOrDefault(tag.Label) + 1;
                }
                else if (tag.Dimension == "element")
                {
                    if (!elements.TryGetValue(section, out var e)) elements[section] = e = new(StringComparer.Ordinal);
                    e.Add(tag.Label);
                }
            }
        }
        var elementOrder = LabelCatalog.IdsOf("element");
        return sections.Order.Select(heading => new ChapterContribution(
            heading,
            domains.TryGetValue(heading, out var d)
                ? [.. d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(_options.MaxDomainsPerChapter).Select(kv => kv.Key)]
                : [],
            elements.TryGetValue(heading, out var e) ? [.. e.OrderBy(id => Rank(elementOrder, id)).ThenBy(id => id, StringComparer.Ordinal)] : [],
            counts.GetValueOrDefault(heading))).ToArray();
    }

    private static int Rank(IReadOnlyList<string> order, string id)
    {
        for (var i = 0; i < order.Count; i++) if (order[i] == id) return i;
        return int.MaxValue;
    }

    private static OutlineNode[] Outline(TaggedPassage[] passages, Dictionary<(string, string), int> index, IReadOnlyList<LabelInfo> labels)
    {
        var roots = new List<NodeBuilder>();
        var stack = new List<NodeBuilder>();
        foreach (var tagged in passages)
        {
            var passage = tagged.Passage;
            var depth = Math.Min(passage.Headings.Count, stack.Count);
            // Keep the stack on the passage's own heading path; a path that diverged (other text) pops too.
            while (stack.Count > depth || (stack.Count > 0 && !SamePath(stack, passage.Headings))) stack.RemoveAt(stack.Count - 1);
            if (passage.Kind == PassageKind.Heading)
            {
                var node = new NodeBuilder(passage.Text, stack.Count + 1, passage.Page);
                if (stack.Count == 0) roots.Add(node); else stack[^1].Children.Add(node);
                stack.Add(node);
            }
            foreach (var tag in tagged.Tags)
            {
                if (!index.TryGetValue((tag.Dimension, tag.Label), out var li)) continue;
                foreach (var node in stack) node.Labels.Add(li);
            }
        }
        return [.. roots.Select(r => r.Build(labels))];
    }

    private static bool SamePath(List<NodeBuilder> stack, IReadOnlyList<string> headings)
    {
        // The stack may be shorter than the heading path (a heading above was too long to be a heading
        // passage); compare what both have.
        for (var i = 0; i < stack.Count && i < headings.Count; i++)
            if (!string.Equals(stack[i].Heading, headings[i], StringComparison.Ordinal)) return false;
        return true;
    }

    private sealed class NodeBuilder(string heading, int level, int? page)
    {
        public string Heading { get; } = heading;
        public List<NodeBuilder> Children { get; } = [];
        public HashSet<int> Labels { get; } = [];

        public OutlineNode Build(IReadOnlyList<LabelInfo> labels) =>
            new(Heading, level, page, [.. Labels.Order().Select(i => LabelKeys.Of(labels[i]))], [.. Children.Select(c => c.Build(labels))]);
    }

    private sealed class LabelAccumulator
    {
        public StatusRule.Accumulator Rule { get; } = new();
        public Dictionary<string, int> Sections { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Caches which heading texts are BBC actions ("Actie 2.3.1", "A 2.3.1", "AC000048").</summary>
    internal sealed class HeadingKinds
    {
        private readonly Dictionary<string, bool> _isAction = new(StringComparer.Ordinal);

        public bool AnyAction(IReadOnlyList<string> headings)
        {
            foreach (var heading in headings)
            {
                if (!_isAction.TryGetValue(heading, out var action))
                    _isAction[heading] = action = PlanStructure.Recognise(heading)?.Kind == PlanMarkerKind.Action;
                if (action) return true;
            }
            return false;
        }
    }

    /// <summary>
    /// The top-level sections of a plan ("where"): the first heading of each passage's path, or the
    /// second when one title heading covers the whole document (a title is no chapter). Passages
    /// before the first chapter (an introduction under the title) belong to no section.
    /// </summary>
    internal sealed class SectionMap
    {
        private readonly string?[] _sections;

        public SectionMap(IReadOnlyList<TaggedPassage> passages)
        {
            var firsts = new HashSet<string>(StringComparer.Ordinal);
            var deeper = false;
            foreach (var p in passages)
            {
                var path = FullPath(p.Passage);
                if (path.Count == 0) continue;
                firsts.Add(path[0]);
                if (path.Count >= 2) deeper = true;
            }
            var depth = firsts.Count == 1 && deeper ? 1 : 0;
            var order = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            _sections = new string?[passages.Count];
            for (var i = 0; i < passages.Count; i++)
            {
                var path = FullPath(passages[i].Passage);
                var section = path.Count > depth ? path[depth] : null;
                _sections[i] = section;
                if (section is not null && seen.Add(section)) order.Add(section);
            }
            Order = order;
        }

        /// <summary>Section headings in document order.</summary>
        public IReadOnlyList<string> Order { get; }

        /// <summary>The section of the passage at an index of the list the map was made from; null before the first chapter.</summary>
        public string? Of(int index) => _sections[index];

        private static IReadOnlyList<string> FullPath(Passage passage) =>
            passage.Kind == PassageKind.Heading ? [.. passage.Headings, passage.Text] : passage.Headings;
    }

}

using System.Text;
using PolicyLens.Documents;

namespace PolicyLens.Passages;

/// <summary>Options for <see cref="PassageBuilder"/>. Defaults suit municipal plans.</summary>
public sealed record PassageOptions
{
    /// <summary>Longest passage before it is split at sentence boundaries. Default 1,200 characters.</summary>
    public int MaxPassageLength { get; init; } = 1200;

    /// <summary>
    /// Paragraphs and list items shorter than this merge with a neighbour under the same heading
    /// (page numbers, stray labels, one-word lines). Default 40 characters.
    /// </summary>
    public int MinFragmentLength { get; init; } = 40;

    /// <summary>
    /// Heading text longer than this is treated as a paragraph: a whole paragraph styled as a
    /// heading is a formatting accident, not structure. Default 300 characters.
    /// </summary>
    public int MaxHeadingLength { get; init; } = 300;

    /// <summary>
    /// Promote paragraphs that are really plan code lines ("Actieplan AP000015: …", "BD 2 …",
    /// "3.1 Sociale basis") to headings. Default true.
    /// </summary>
    public bool PromoteCodeLines { get; init; } = true;

    /// <summary>Throws when a value is out of range; called by the builder.</summary>
    public void Validate()
    {
        if (MaxPassageLength < 100) throw new ArgumentOutOfRangeException(nameof(MaxPassageLength), MaxPassageLength, "Passages need room for at least 100 characters.");
        if (MinFragmentLength < 0 || MinFragmentLength >= MaxPassageLength) throw new ArgumentOutOfRangeException(nameof(MinFragmentLength), MinFragmentLength, "The fragment size must be between 0 and the passage size.");
        if (MaxHeadingLength < 20) throw new ArgumentOutOfRangeException(nameof(MaxHeadingLength), MaxHeadingLength, "Headings need room for at least 20 characters.");
    }
}

/// <summary>Passages of one document and the plain text their offsets point into.</summary>
public sealed record PassageSet
{
    public PassageSet(IReadOnlyList<Passage> passages, string plainText)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(plainText);
        Passages = passages;
        PlainText = plainText;
    }

    public IReadOnlyList<Passage> Passages { get; }

    /// <summary>Passage texts joined by <see cref="PassageBuilder.Separator"/>.</summary>
    public string PlainText { get; }
}

/// <summary>Turns a reader's blocks into passages with heading paths and offsets.</summary>
public interface IPassageBuilder
{
    PassageSet Build(IReadOnlyList<Block> blocks, CancellationToken cancellationToken = default);
}

/// <summary>
/// The one structure layer every format shares. Cleans block text (<see cref="TextCleaner"/>),
/// decides which blocks are headings and at what depth (<see cref="PlanStructure"/> first, the
/// source's own heading level second), keeps headings as passages, merges very short fragments
/// into a neighbour under the same heading, splits overlong paragraphs at sentence boundaries
/// and writes table rows as "Header: value; Header: value".
/// Table row blocks carry their cells separated by tab characters.
/// </summary>
public sealed class PassageBuilder : IPassageBuilder
{
    /// <summary>What joins passages in the plain text.</summary>
    public const string Separator = "\n\n";

    private readonly PassageOptions _options;

    public PassageBuilder(PassageOptions? options = null)
    {
        _options = options ?? new PassageOptions();
        _options.Validate();
    }

    public PassageSet Build(IReadOnlyList<Block> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var units = new List<Unit>(blocks.Count);
        var outline = new Outline();
        foreach (var block in blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = BlockText(block);
            if (text.Length == 0) continue;
            var heading = AsHeading(block, text);
            if (heading is { } h)
            {
                var ancestors = outline.Push(text, h.Marker, h.Level);
                units.Add(new Unit(PassageKind.Heading, text, block.Page, ancestors, Mergeable: false, block.FromOcr));
            }
            else
            {
                // Numbered items are enumerated commitments ("3. Denkoefening …"): each stays its own passage.
                var numbered = block.Kind == BlockKind.ListItem && block.ListLabel is { } label && label.Any(char.IsLetterOrDigit);
                units.Add(new Unit(KindOf(block.Kind), text, block.Page, outline.Path, Mergeable: !numbered, block.FromOcr));
            }
        }
        var merged = MergeFragments(units);
        return Emit(merged, cancellationToken);
    }

    private (PlanMarker? Marker, int Level)? AsHeading(Block block, string text)
    {
        if (block.Kind == BlockKind.Heading)
        {
            if (text.Length > _options.MaxHeadingLength) return null;
            return (PlanStructure.Recognise(text), block.HeadingLevel);
        }
        if (block.Kind == BlockKind.Paragraph && _options.PromoteCodeLines)
        {
            var marker = PlanStructure.RecogniseCodeLine(text);
            if (marker is not null) return (marker, 0);
        }
        return null;
    }

    private static PassageKind KindOf(BlockKind kind) => kind switch
    {
        BlockKind.ListItem => PassageKind.ListItem,
        BlockKind.TableRow => PassageKind.TableRow,
        BlockKind.Heading => PassageKind.Paragraph, // a heading too long to be one
        _ => PassageKind.Paragraph,
    };

    private static string BlockText(Block block)
    {
        switch (block.Kind)
        {
            case BlockKind.TableRow:
                return TableRowText(block);
            case BlockKind.ListItem:
                var text = TextCleaner.Clean(block.Text);
                var label = TextCleaner.Clean(block.ListLabel);
                // Numbers and letters carry meaning ("2.", "b)"); bullets do not.
                if (text.Length > 0 && label.Any(char.IsLetterOrDigit) && !text.StartsWith(label, StringComparison.Ordinal))
                    return label + " " + text;
                return text;
            default:
                return TextCleaner.Clean(block.Text);
        }
    }

    private static string TableRowText(Block block)
    {
        var cells = block.Text.Split('\t').Select(TextCleaner.Clean).ToArray();
        var headers = block.TableHeaders.Select(TextCleaner.Clean).ToArray();
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Length == 0) continue;
            if (sb.Length > 0) sb.Append(headers.Length > 0 ? "; " : " | ");
            var header = i < headers.Length ? headers[i] : string.Empty;
            if (header.Length > 0 && !string.Equals(header, cells[i], StringComparison.Ordinal))
                sb.Append(header).Append(": ");
            sb.Append(cells[i]);
        }
        return sb.ToString();
    }

    private List<Unit> MergeFragments(List<Unit> units)
    {
        var result = new List<Unit>(units.Count);
        Unit? pending = null;
        foreach (var unit in units)
        {
            var current = unit;
            if (pending is not null)
            {
                if (CanMerge(pending, current)) { current = Merge(pending, current); pending = null; }
                else { FlushPending(result, pending); pending = null; }
            }
            if (IsFragment(current)) { pending = current; continue; }
            result.Add(current);
        }
        if (pending is not null) FlushPending(result, pending);
        return result;
    }

    private void FlushPending(List<Unit> result, Unit pending)
    {
        if (result.Count > 0 && CanMerge(result[^1], pending)) result[^1] = Merge(result[^1], pending);
        else result.Add(pending);
    }

    private bool IsFragment(Unit unit) =>
        unit.Mergeable && unit.Kind is PassageKind.Paragraph or PassageKind.ListItem && unit.Text.Length < _options.MinFragmentLength;

    private bool CanMerge(Unit a, Unit b) =>
        a.Mergeable && b.Mergeable && a.Kind == b.Kind && a.Kind is PassageKind.Paragraph or PassageKind.ListItem
        && ReferenceEquals(a.Headings, b.Headings) && a.FromOcr == b.FromOcr
        && a.Text.Length + 1 + b.Text.Length <= _options.MaxPassageLength;

    private static Unit Merge(Unit a, Unit b) =>
        a with { Text = a.Text + (a.Kind == PassageKind.ListItem ? "\n" : " ") + b.Text };

    private PassageSet Emit(List<Unit> units, CancellationToken cancellationToken)
    {
        var passages = new List<Passage>(units.Count);
        var plain = new StringBuilder();
        foreach (var unit in units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pieces = unit.Kind == PassageKind.Heading || unit.Text.Length <= _options.MaxPassageLength
                ? [unit.Text]
                : SentenceSplitter.Split(unit.Text, _options.MaxPassageLength);
            foreach (var piece in pieces)
            {
                if (string.IsNullOrWhiteSpace(piece)) continue;
                if (plain.Length > 0) plain.Append(Separator);
                passages.Add(new Passage(passages.Count, unit.Kind, piece, unit.Page, unit.Headings, plain.Length, unit.FromOcr));
                plain.Append(piece);
            }
        }
        return new PassageSet(passages, plain.ToString());
    }

    private sealed record Unit(PassageKind Kind, string Text, int? Page, IReadOnlyList<string> Headings, bool Mergeable, bool FromOcr);

    /// <summary>
    /// The stack of open headings. Plan markers nest by rank; headings without a marker nest by
    /// the level their source gives them; questions nest under the current section. A new path
    /// list is made whenever the stack changes, so passages under one heading share one list.
    /// </summary>
    private sealed class Outline
    {
        private readonly List<Entry> _stack = [];

        public IReadOnlyList<string> Path { get; private set; } = [];

        /// <summary>Opens a heading; returns its ancestors' path.</summary>
        public IReadOnlyList<string> Push(string text, PlanMarker? marker, int sourceLevel)
        {
            if (marker is { Kind: PlanMarkerKind.Question })
            {
                var question = _stack.FindLastIndex(e => e.Marker?.Kind == PlanMarkerKind.Question);
                var ranked = _stack.FindLastIndex(e => e.IsRanked);
                if (question > ranked) Truncate(question);
            }
            else if (marker is not null)
            {
                var firstRanked = _stack.FindIndex(e => e.IsRanked);
                while (_stack.Count > 0)
                {
                    var top = _stack[^1];
                    var index = _stack.Count - 1;
                    var pop = top.IsRanked
                        ? top.Marker!.Rank >= marker.Rank
                        : firstRanked >= 0 && index > firstRanked
                          || firstRanked < 0 && (top.SourceLevel == 0 || sourceLevel > 0 && top.SourceLevel >= sourceLevel);
                    if (!pop) break;
                    _stack.RemoveAt(index);
                    if (index == firstRanked) firstRanked = _stack.FindIndex(e => e.IsRanked);
                }
            }
            else if (sourceLevel > 0)
            {
                while (_stack.Count > 0 && _stack[^1].Key >= sourceLevel) _stack.RemoveAt(_stack.Count - 1);
            }
            else if (_stack.Count > 0 && _stack[^1] is { Marker: null, SourceLevel: 0 })
            {
                _stack.RemoveAt(_stack.Count - 1); // an unlabelled line after an unlabelled line: siblings
            }

            var ancestors = Snapshot();
            var parentKey = _stack.Count > 0 ? _stack[^1].Key : 0;
            var effective = Math.Max(sourceLevel, parentKey + 1);
            _stack.Add(new Entry(text, marker, sourceLevel, Math.Min(effective, 99)));
            Path = Snapshot();
            return ancestors;
        }

        private void Truncate(int index) => _stack.RemoveRange(index, _stack.Count - index);

        private IReadOnlyList<string> Snapshot() => _stack.Select(e => e.Text).ToArray();

        private sealed record Entry(string Text, PlanMarker? Marker, int SourceLevel, int EffectiveLevel)
        {
            public bool IsRanked => Marker is { Rank: > 0 };

            /// <summary>The level compared against unlabelled headings: the source's own where it gave one.</summary>
            public int Key => SourceLevel > 0 ? SourceLevel : EffectiveLevel;
        }
    }
}

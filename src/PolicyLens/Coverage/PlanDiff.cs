using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>A label whose status differs between two versions of a plan.</summary>
public sealed record StatusChange
{
    public StatusChange(LabelInfo label, CoverageStatus oldStatus, CoverageStatus newStatus, PassageCounts oldCounts, PassageCounts newCounts)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(oldCounts);
        ArgumentNullException.ThrowIfNull(newCounts);
        if (oldStatus == newStatus) throw new ArgumentException("A status change changes the status.", nameof(newStatus));
        Label = label;
        OldStatus = oldStatus;
        NewStatus = newStatus;
        OldCounts = oldCounts;
        NewCounts = newCounts;
    }

    public LabelInfo Label { get; }
    public string Key => LabelKeys.Of(Label);
    public CoverageStatus OldStatus { get; }
    public CoverageStatus NewStatus { get; }
    public PassageCounts OldCounts { get; }
    public PassageCounts NewCounts { get; }

    /// <summary>Absent before, present now.</summary>
    public bool Gained => OldStatus == CoverageStatus.Afwezig;

    /// <summary>Present before, absent now.</summary>
    public bool Lost => NewStatus == CoverageStatus.Afwezig;

    /// <summary>The status went up (afwezig → genoemd → uitgewerkt).</summary>
    public bool Improved => NewStatus > OldStatus;
}

/// <summary>A plan check whose outcome differs between two versions.</summary>
public sealed record CheckChange(string Id, string Title, CheckStatus OldStatus, CheckStatus NewStatus)
{
    /// <summary>It failed before and does not now (passed, or no longer applies).</summary>
    public bool NowPassing => OldStatus.IsFailure() && !NewStatus.IsFailure();

    /// <summary>It fails now and did not before.</summary>
    public bool NowFailing => NewStatus.IsFailure() && !OldStatus.IsFailure();
}

public enum PassageChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>A run of words in a passage-level text diff.</summary>
public sealed record TextEdit(DiffOp Op, string Text);

/// <summary>
/// A passage added, removed or changed between two versions. A changed passage is an old and a
/// new passage at the same place that share most of their words; <see cref="Edits"/> is the word
/// diff from old to new. <see cref="NewTags"/> are the tags of the new passage whose label the old
/// one lacked (all its tags for an added passage), with their evidence; <see cref="LostTags"/> the reverse.
/// </summary>
public sealed record PassageChange
{
    public PassageChange(PassageChangeKind kind, TaggedPassage? old, TaggedPassage? @new, IReadOnlyList<TextEdit> edits,
        IReadOnlyList<PassageTag> newTags, IReadOnlyList<PassageTag> lostTags)
    {
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(newTags);
        ArgumentNullException.ThrowIfNull(lostTags);
        var fits = kind switch
        {
            PassageChangeKind.Added => old is null && @new is not null,
            PassageChangeKind.Removed => old is not null && @new is null,
            _ => old is not null && @new is not null,
        };
        if (!fits) throw new ArgumentException($"A {kind} passage change has the wrong passages.", nameof(kind));
        Kind = kind;
        Old = old;
        New = @new;
        Edits = edits;
        NewTags = newTags;
        LostTags = lostTags;
    }

    public PassageChangeKind Kind { get; }
    public TaggedPassage? Old { get; }
    public TaggedPassage? New { get; }
    public IReadOnlyList<TextEdit> Edits { get; }
    public IReadOnlyList<PassageTag> NewTags { get; }
    public IReadOnlyList<PassageTag> LostTags { get; }
}

/// <summary>What changed from one version of a plan to another: labels, statuses, checks and passages.</summary>
public sealed record PlanDiff
{
    public PlanDiff(PlanInfo old, PlanInfo @new, IReadOnlyList<StatusChange> statusChanges, IReadOnlyList<CheckChange> checks,
        IReadOnlyList<PassageChange> passages, int unchangedPassages)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        ArgumentNullException.ThrowIfNull(statusChanges);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentOutOfRangeException.ThrowIfNegative(unchangedPassages);
        Old = old;
        New = @new;
        StatusChanges = statusChanges;
        Checks = checks;
        Passages = passages;
        UnchangedPassages = unchangedPassages;
    }

    public PlanInfo Old { get; }
    public PlanInfo New { get; }

    /// <summary>Every label whose status differs, in rule-set order.</summary>
    public IReadOnlyList<StatusChange> StatusChanges { get; }

    /// <summary>Labels absent in the old version and present in the new one ("dimension:id").</summary>
    public IReadOnlyList<string> Gained => [.. StatusChanges.Where(c => c.Gained).Select(c => c.Key)];

    /// <summary>Labels present in the old version and absent in the new one ("dimension:id").</summary>
    public IReadOnlyList<string> Lost => [.. StatusChanges.Where(c => c.Lost).Select(c => c.Key)];

    /// <summary>Checks whose outcome differs.</summary>
    public IReadOnlyList<CheckChange> Checks { get; }

    /// <summary>Passage changes in document order (by the new version's order, removed ones where they stood).</summary>
    public IReadOnlyList<PassageChange> Passages { get; }
    public int UnchangedPassages { get; }

    public IEnumerable<PassageChange> Added => Passages.Where(p => p.Kind == PassageChangeKind.Added);
    public IEnumerable<PassageChange> Removed => Passages.Where(p => p.Kind == PassageChangeKind.Removed);
    public IEnumerable<PassageChange> Changed => Passages.Where(p => p.Kind == PassageChangeKind.Changed);

    /// <summary>True when nothing differs at all.</summary>
    public bool Identical => StatusChanges.Count == 0 && Checks.Count == 0 && Passages.Count == 0;
}

/// <summary>Settings of <see cref="PlanDiffer"/>.</summary>
public sealed record PlanDiffOptions
{
    /// <summary>
    /// Share of words an old and a new passage at the same place must share to count as one changed
    /// passage rather than one removed and one added (Dice coefficient over words). Default 0.5.
    /// </summary>
    public double ChangedMinSimilarity { get; init; } = 0.5;

    /// <summary>Most passage edits aligned exactly; beyond this the middle counts as replaced. Default 2000.</summary>
    public int MaxPassageEdits { get; init; } = 2000;

    public void Validate()
    {
        if (double.IsNaN(ChangedMinSimilarity) || ChangedMinSimilarity is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(ChangedMinSimilarity), ChangedMinSimilarity, "A share above 0 and at most 1.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPassageEdits);
    }
}

/// <summary>Compares two analysed versions of a plan.</summary>
public interface IPlanDiffer
{
    /// <param name="old">The earlier version, analysed with the same labels as <paramref name="new"/>.</param>
    PlanDiff Diff(PlanCoverage old, PlanCoverage @new);
}

/// <summary>
/// The default differ: labels and checks by key; passages aligned by their text (whitespace
/// folded) with <see cref="SequenceDiff"/>, then removed and added passages between two aligned
/// ones paired up as "changed" when they share enough words, with a word diff.
/// </summary>
public sealed class PlanDiffer : IPlanDiffer
{
    private readonly PlanDiffOptions _options;

    public PlanDiffer(PlanDiffOptions? options = null)
    {
        _options = options ?? new PlanDiffOptions();
        _options.Validate();
    }

    public PlanDiff Diff(PlanCoverage old, PlanCoverage @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var statuses = new List<StatusChange>();
        foreach (var label in @new.Labels)
        {
            var before = old.Label(label.Label.Dimension, label.Label.Id);
            var oldStatus = before?.Status ?? CoverageStatus.Afwezig;
            if (oldStatus != label.Status)
                statuses.Add(new StatusChange(label.Label, oldStatus, label.Status, before?.Counts ?? PassageCounts.None, label.Counts));
        }
        foreach (var label in old.Labels)
            if (@new.Label(label.Label.Dimension, label.Label.Id) is null && label.Status != CoverageStatus.Afwezig)
                statuses.Add(new StatusChange(label.Label, label.Status, CoverageStatus.Afwezig, label.Counts, PassageCounts.None));

        var checks = new List<CheckChange>();
        foreach (var check in @new.Checks)
            if (old.Check(check.Id) is { } before && before.Status != check.Status)
                checks.Add(new CheckChange(check.Id, check.Check.Title, before.Status, check.Status));

        var (passages, unchanged) = DiffPassages(old.Passages, @new.Passages);
        return new PlanDiff(old.Plan, @new.Plan, statuses, checks, passages, unchanged);
    }

    private (List<PassageChange> Changes, int Unchanged) DiffPassages(IReadOnlyList<TaggedPassage> old, IReadOnlyList<TaggedPassage> @new)
    {
        // Texts become small integers once, so the alignment compares numbers, not strings.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Keys(IReadOnlyList<TaggedPassage> passages) =>
            [.. passages.Select(p => { var key = Fold(p.Passage.Text); if (!ids.TryGetValue(key, out var id)) ids[key] = id = ids.Count; return id; })];
        var oldKeys = Keys(old);
        var newKeys = Keys(@new);
        var runs = SequenceDiff.Diff(oldKeys, newKeys, maxEdits: _options.MaxPassageEdits);

        var changes = new List<PassageChange>();
        var unchanged = 0;
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (run.Op == DiffOp.Equal)
            {
                unchanged += run.Length;
                continue;
            }
            // A block of deletions and insertions between two equal runs.
            var removed = new List<TaggedPassage>();
            var added = new List<TaggedPassage>();
            for (; i < runs.Count && runs[i].Op != DiffOp.Equal; i++)
            {
                var r = runs[i];
                for (var j = 0; j < r.Length; j++)
                    if (r.Op == DiffOp.Deleted) removed.Add(old[r.OldStart + j]);
                    else added.Add(@new[r.NewStart + j]);
            }
            i--;
            changes.AddRange(Pair(removed, added));
        }
        return (changes, unchanged);
    }

    /// <summary>Pairs removed with added passages in order where they share enough words; the rest stay removed or added.</summary>
    private IEnumerable<PassageChange> Pair(List<TaggedPassage> removed, List<TaggedPassage> added)
    {
        var words = added.Select(a => Words(a.Passage.Text)).ToArray();
        var nextAdded = 0;
        foreach (var r in removed)
        {
            var rw = Words(r.Passage.Text);
            var match = -1;
            for (var a = nextAdded; a < added.Count; a++)
                if (Similarity(rw, words[a]) >= _options.ChangedMinSimilarity) { match = a; break; }
            if (match < 0)
            {
                yield return new PassageChange(PassageChangeKind.Removed, r, null, [], [], r.Tags);
                continue;
            }
            for (; nextAdded < match; nextAdded++) yield return AddedChange(added[nextAdded]);
            var n = added[match];
            nextAdded = match + 1;
            yield return new PassageChange(PassageChangeKind.Changed, r, n, WordDiff(r.Passage.Text, n.Passage.Text),
                [.. n.Tags.Where(t => !r.Has(t.Dimension, t.Label))], [.. r.Tags.Where(t => !n.Has(t.Dimension, t.Label))]);
        }
        for (; nextAdded < added.Count; nextAdded++) yield return AddedChange(added[nextAdded]);
    }

    private static PassageChange AddedChange(TaggedPassage passage) => new(PassageChangeKind.Added, null, passage, [], passage.Tags, []);

    /// <summary>The word diff of two texts: runs of equal, deleted and inserted words (spaces kept with the word before them).</summary>
    public static IReadOnlyList<TextEdit> WordDiff(string old, string @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var a = Tokens(old);
        var b = Tokens(@new);
        var edits = new List<TextEdit>();
        foreach (var run in SequenceDiff.Diff(a, b, StringComparer.Ordinal))
        {
            var text = run.Op == DiffOp.Inserted
                ? string.Concat(b.Skip(run.NewStart).Take(run.Length))
                : string.Concat(a.Skip(run.OldStart).Take(run.Length));
            if (edits.Count > 0 && edits[^1].Op == run.Op) edits[^1] = edits[^1] with { Text = edits[^1].Text + text };
            else edits.Add(new TextEdit(run.Op, text));
        }
        return edits;
    }

    /// <summary>Words with the whitespace that follows each, so joining the tokens gives the text back.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            tokens.Add(text[start..i]);
            start = i;
        }
        return tokens;
    }

    private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static HashSet<string> Words(string text) =>
        new(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ';', ':', '!', '?', '(', ')', '"', '\'').ToLowerInvariant())
            .Where(w => w.Length > 0), StringComparer.Ordinal);

    /// <summary>Dice coefficient of two word sets: 1 for the same words, 0 for none in common.</summary>
    private static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        var common = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return 2.0 * common / (a.Count + b.Count);
    }
}

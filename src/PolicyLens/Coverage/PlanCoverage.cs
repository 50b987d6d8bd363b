using PolicyLens.Passages;
using PolicyLens.Tagging;

namespace PolicyLens.Coverage;

/// <summary>Everything the analysis found in one plan: the input of reports, the web pages and comparisons.</summary>
public sealed record PlanCoverage
{
    private readonly Dictionary<string, LabelCoverage> _byKey;
    private readonly Dictionary<int, TaggedPassage> _byOrdinal;

    public PlanCoverage(PlanInfo plan, IReadOnlyList<TaggedPassage> passages, IReadOnlyList<LabelCoverage> labels,
        CoverageMatrix elementByLevel, CoverageMatrix elementByType, IReadOnlyList<Gap> gaps,
        IReadOnlyList<ChapterContribution> chapters, IReadOnlyList<OutlineNode> outline, CoverageOptions? options = null,
        IReadOnlyList<CheckResult>? checks = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(elementByLevel);
        ArgumentNullException.ThrowIfNull(elementByType);
        ArgumentNullException.ThrowIfNull(gaps);
        ArgumentNullException.ThrowIfNull(chapters);
        ArgumentNullException.ThrowIfNull(outline);
        _byKey = new Dictionary<string, LabelCoverage>(labels.Count, StringComparer.Ordinal);
        foreach (var label in labels)
            if (!_byKey.TryAdd(LabelKeys.Of(label.Label), label))
                throw new ArgumentException($"The label {LabelKeys.Of(label.Label)} is covered twice.", nameof(labels));
        _byOrdinal = new Dictionary<int, TaggedPassage>(passages.Count);
        foreach (var passage in passages)
            if (!_byOrdinal.TryAdd(passage.Passage.Ordinal, passage))
                throw new ArgumentException($"Two passages with ordinal {passage.Passage.Ordinal}.", nameof(passages));
        Plan = plan;
        Passages = passages;
        Labels = labels;
        ElementByLevel = elementByLevel;
        ElementByType = elementByType;
        Gaps = gaps;
        Chapters = chapters;
        Outline = outline;
        Options = options ?? new CoverageOptions();
        int text = 0, headings = 0, rows = 0;
        foreach (var passage in passages)
        {
            if (passage.Passage.Kind == PassageKind.Heading) headings++;
            else if (passage.Passage.Kind == PassageKind.TableRow) rows++;
            else text++;
        }
        PassageKinds = new PassageCounts(text, headings, rows);
        Checks = checks ?? [];
    }

    private PlanCoverage(PlanCoverage original, IReadOnlyList<CheckResult> checks)
    {
        // The indexes are immutable, so the copy shares them instead of building them again.
        _byKey = original._byKey;
        _byOrdinal = original._byOrdinal;
        Plan = original.Plan;
        Passages = original.Passages;
        Labels = original.Labels;
        ElementByLevel = original.ElementByLevel;
        ElementByType = original.ElementByType;
        Gaps = original.Gaps;
        Chapters = original.Chapters;
        Outline = original.Outline;
        Options = original.Options;
        PassageKinds = original.PassageKinds;
        Checks = checks;
    }

    /// <summary>The same coverage with the results of the plan checks.</summary>
    public PlanCoverage WithChecks(IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return new PlanCoverage(this, checks);
    }

    public PlanInfo Plan { get; }

    /// <summary>The tagged passages in document order.</summary>
    public IReadOnlyList<TaggedPassage> Passages { get; }

    /// <summary>One entry per label of the rule set, per dimension in display order.</summary>
    public IReadOnlyList<LabelCoverage> Labels { get; }
    public CoverageMatrix ElementByLevel { get; }
    public CoverageMatrix ElementByType { get; }
    public IReadOnlyList<Gap> Gaps { get; }

    public IReadOnlyList<ChapterContribution> Chapters { get; }

    /// <summary>One result per plan check (rules/checks), in the checker's order, including those passed; empty without checks.</summary>
    public IReadOnlyList<CheckResult> Checks { get; }

    /// <summary>The heading tree's top-level nodes.</summary>
    public IReadOnlyList<OutlineNode> Outline { get; }

    /// <summary>The thresholds the statuses were decided with, so reports can explain them.</summary>
    public CoverageOptions Options { get; }

    /// <summary>The plan's passages by kind: running text, headings, table rows.</summary>
    public PassageCounts PassageKinds { get; }

    /// <summary>The coverage of every label of one dimension, in display order.</summary>
    public IReadOnlyList<LabelCoverage> For(string dimension) => [.. Labels.Where(l => l.Label.Dimension == dimension)];

    /// <summary>
    /// The coverage of a label by key ("element:bezig-zijn") or bare id ("bezig-zijn": the first
    /// dimension in display order that has it, so elements win over interventions-7). Null when unknown.
    /// </summary>
    public LabelCoverage? Label(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_byKey.TryGetValue(id, out var byKey)) return byKey;
        foreach (var label in Labels)
            if (label.Label.Id == id) return label;
        return null;
    }

    public LabelCoverage? Label(string dimension, string id) => _byKey.GetValueOrDefault(LabelKeys.Of(dimension, id));

    /// <summary>The result of the check with this id, or null when the analysis did not run it.</summary>
    public CheckResult? Check(string id) => Checks.FirstOrDefault(c => c.Id == id);

    /// <summary>The passage with an ordinal, or null.</summary>
    public TaggedPassage? Passage(int ordinal) => _byOrdinal.GetValueOrDefault(ordinal);
}

/// <summary>Turns a plan's tagged passages into coverage, gaps, chapters, an outline and the results of the plan checks.</summary>
public interface ICoverageAnalyzer
{
    /// <param name="labels">Every label of the rule set (<see cref="IPassageTagger.Labels"/>), in display order.</param>
    PlanCoverage Analyze(PlanInfo plan, IReadOnlyList<TaggedPassage> passages, IReadOnlyList<LabelInfo> labels);
}

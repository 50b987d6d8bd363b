using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PolicyLens.Coverage;
using PolicyLens.Storage;
using PolicyLens.Tagging;

namespace PolicyLens.Web.Infrastructure;

/// <summary>A stored plan with its analysis, as the report, compare and home pages use it.</summary>
public sealed record AnalyzedPlan(DocumentSummary Document, AnalysisRun Run, PlanCoverage Coverage);

/// <summary>A working element's status, all the plan list needs of a plan.</summary>
public sealed record ElementStatus(LabelInfo Label, CoverageStatus Status);

/// <summary>
/// Loads a plan from the store and analyses it, caching the result per document and analysis
/// run: a report is read many times and changes only when the plan is re-tagged. The cache is
/// bounded in bytes (<see cref="PolicyLensOptions.AnalysisCacheMegabytes"/>, estimated from the
/// passages, tags and evidence a plan holds), not in plans: five 40 MB uploads must not take a
/// gigabyte. The least recently used plans go first; a plan larger than the whole budget is
/// analysed for its request and not kept. The plan list needs only element statuses, which are
/// kept for every plan (a few hundred bytes each).
/// </summary>
public sealed class CoverageService(IPlanStore store, ICoverageAnalyzer analyzer, IPlanComparer comparer, RulesHolder rules,
    IOptions<PolicyLensOptions> options)
{
    private sealed record Entry(AnalyzedPlan Plan, long Bytes);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recent = new(); // most recently used first
    private long _bytes;
    private readonly ConcurrentDictionary<long, (string RuleSetVersion, IReadOnlyList<ElementStatus> Elements)> _summaries = new();

    public IPlanStore Store => store;

    /// <summary>The cache's budget in bytes.</summary>
    public long BudgetBytes => options.Value.AnalysisCacheMegabytes * 1024L * 1024L;

    /// <summary>The estimated bytes of the plans cached now.</summary>
    public long CachedBytes
    {
        get
        {
            lock (_gate) return _bytes;
        }
    }

    public int CachedPlans
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    /// <summary>The analysed plan, or null when the id is unknown.</summary>
    public AnalyzedPlan? Get(long documentId) => Get(documentId, evict: true);

    private AnalyzedPlan? Get(long documentId, bool evict)
    {
        if (Lookup(documentId) is { } cached)
        {
            // A re-tag adds a run; the cached analysis is then stale.
            var runs = store.ListRuns(documentId);
            if (runs.Count > 0 && runs[^1].Id == cached.Run.Id) return cached;
            Forget(documentId);
        }
        var plan = store.LoadPlan(documentId);
        if (plan is null) return null;
        var info = new PlanInfo(plan.Document.Title, plan.Document.FileName, plan.Document.Municipality ?? Municipality.Guess(plan.Document),
            plan.Document.PageCount, plan.Run.RuleSetVersion, plan.Document.Id, PlanTagging.WarningsOf(plan.Issues));
        var analyzed = new AnalyzedPlan(plan.Document, plan.Run, analyzer.Analyze(info, plan.Passages, rules.Labels));
        _summaries[documentId] = (analyzed.Run.RuleSetVersion, Elements(analyzed));
        Remember(analyzed, evict);
        return analyzed;
    }

    /// <summary>The element statuses of a listed document, analysing it only when they are not known for its current rule set.</summary>
    public IReadOnlyList<ElementStatus> ElementsOf(DocumentSummary document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_summaries.TryGetValue(document.Id, out var known) && known.RuleSetVersion == document.RuleSetVersion) return known.Elements;
        return Get(document.Id) is { } plan ? Elements(plan) : [];
    }

    /// <summary>
    /// Analyses a plan ahead of time for the plan list, keeping the full analysis only while it
    /// fits without pushing out another (so a warm-up never churns the cache).
    /// </summary>
    public void Warm(DocumentSummary document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_summaries.TryGetValue(document.Id, out var known) && known.RuleSetVersion == document.RuleSetVersion) return;
        Get(document.Id, evict: false);
    }

    private static IReadOnlyList<ElementStatus> Elements(AnalyzedPlan plan) => [.. plan.Coverage.For("element").Select(e => new ElementStatus(e.Label, e.Status))];

    /// <summary>The analysed plans of the given ids that exist, in the given order.</summary>
    public IReadOnlyList<AnalyzedPlan> GetMany(IEnumerable<long> ids) =>
        [.. ids.Distinct().Select(Get).OfType<AnalyzedPlan>()];

    public PlanComparison Compare(IReadOnlyList<AnalyzedPlan> plans) => comparer.Compare([.. plans.Select(p => p.Coverage)]);

    /// <summary>Drops a document from the cache (after a delete or a new upload of the same id).</summary>
    public void Forget(long documentId)
    {
        _summaries.TryRemove(documentId, out _);
        lock (_gate)
        {
            if (!_entries.Remove(documentId, out var node)) return;
            _recent.Remove(node);
            _bytes -= node.Value.Bytes;
        }
    }

    public void Clear()
    {
        _summaries.Clear();
        lock (_gate)
        {
            _entries.Clear();
            _recent.Clear();
            _bytes = 0;
        }
    }

    private AnalyzedPlan? Lookup(long documentId)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(documentId, out var node)) return null;
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Plan;
        }
    }

    private void Remember(AnalyzedPlan plan, bool evict)
    {
        var bytes = EstimateBytes(plan);
        var budget = BudgetBytes;
        if (bytes > budget) return;
        lock (_gate)
        {
            if (_entries.Remove(plan.Document.Id, out var old))
            {
                _recent.Remove(old);
                _bytes -= old.Value.Bytes;
            }
            if (!evict && _bytes + bytes > budget) return;
            while (_bytes + bytes > budget && _recent.Last is { } last)
            {
                _recent.RemoveLast();
                _entries.Remove(last.Value.Plan.Document.Id);
                _bytes -= last.Value.Bytes;
            }
            _entries[plan.Document.Id] = _recent.AddFirst(new Entry(plan, bytes));
            _bytes += bytes;
        }
    }

    /// <summary>
    /// What an analysed plan holds in memory, roughly: object headers and fields per passage, tag
    /// and evidence, two bytes per character of text, and the per-label passage lists. Within a
    /// factor of two of the real size, which is what a budget needs.
    /// </summary>
    internal static long EstimateBytes(AnalyzedPlan plan)
    {
        long bytes = 16 * 1024;
        foreach (var passage in plan.Coverage.Passages)
        {
            bytes += 200 + 2L * passage.Passage.Text.Length;
            foreach (var tag in passage.Tags)
            {
                bytes += 120;
                foreach (var evidence in tag.Evidence) bytes += 140 + 2L * evidence.MatchedText.Length;
            }
        }
        foreach (var label in plan.Coverage.Labels) bytes += 300 + 8L * label.PassageOrdinals.Count;
        return bytes;
    }
}

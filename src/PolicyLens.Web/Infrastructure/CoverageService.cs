using System.Collections.Concurrent;
using PolicyLens.Coverage;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>A stored plan with its analysis, as the report, compare and home pages use it.</summary>
public sealed record AnalyzedPlan(DocumentSummary Document, AnalysisRun Run, PlanCoverage Coverage);

/// <summary>
/// Loads a plan from the store and analyses it, caching the result per document and analysis
/// run: a report is read many times and changes only when the plan is re-tagged. The cache
/// holds at most <see cref="MaxCached"/> plans.
/// </summary>
public sealed class CoverageService(IPlanStore store, ICoverageAnalyzer analyzer, IPlanComparer comparer, RulesHolder rules)
{
    public const int MaxCached = 1000;
    private readonly ConcurrentDictionary<long, AnalyzedPlan> _cache = new();

    public IPlanStore Store => store;

    /// <summary>The analysed plan, or null when the id is unknown.</summary>
    public AnalyzedPlan? Get(long documentId) => Get(documentId, null);

    /// <summary>
    /// The analysed plan; <paramref name="listed"/> is its summary from a list just read, which
    /// tells whether a cached analysis is current without asking the store again (a re-tag always
    /// changes the rule-set version: runs with an unchanged version are skipped).
    /// </summary>
    private AnalyzedPlan? Get(long documentId, DocumentSummary? listed)
    {
        if (listed is not null && _cache.TryGetValue(documentId, out var known) && known.Run.RuleSetVersion == listed.RuleSetVersion) return known;
        if (_cache.TryGetValue(documentId, out var cached))
        {
            // A re-tag adds a run; the cached analysis is then stale.
            var runs = store.ListRuns(documentId);
            if (runs.Count > 0 && runs[^1].Id == cached.Run.Id) return cached;
            _cache.TryRemove(documentId, out _);
        }
        var plan = store.LoadPlan(documentId);
        if (plan is null) return null;
        var info = plan.Document.ToPlanInfo(plan.Run.RuleSetVersion, plan.Document.Municipality ?? Municipality.Guess(plan.Document));
        var analyzed = new AnalyzedPlan(plan.Document, plan.Run, analyzer.Analyze(info, plan.Passages, rules.Labels));
        if (_cache.Count >= MaxCached) _cache.Clear();
        _cache[documentId] = analyzed;
        return analyzed;
    }

    /// <summary>
    /// The analysed plans of the given ids that exist, in the given order. Plans not in the cache
    /// are loaded and analysed on all cores: the first look at hundreds of plans waits for the
    /// slowest core's share, not for all of them one after another.
    /// </summary>
    public IReadOnlyList<AnalyzedPlan> GetMany(IEnumerable<long> ids) => GetMany(ids.Distinct().Select(id => (id, (DocumentSummary?)null)).ToArray());

    /// <summary>As <see cref="GetMany(IEnumerable{long})"/> for documents just listed: cached analyses are checked against the list, not the store.</summary>
    public IReadOnlyList<AnalyzedPlan> GetMany(IEnumerable<DocumentSummary> documents) =>
        GetMany(documents.DistinctBy(d => d.Id).Select(d => (d.Id, (DocumentSummary?)d)).ToArray());

    private AnalyzedPlan[] GetMany((long Id, DocumentSummary? Listed)[] list)
    {
        var result = new AnalyzedPlan?[list.Length];
        Parallel.For(0, list.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => result[i] = Get(list[i].Id, list[i].Listed));
        return [.. result.OfType<AnalyzedPlan>()];
    }

    public PlanComparison Compare(IReadOnlyList<AnalyzedPlan> plans) => comparer.Compare([.. plans.Select(p => p.Coverage)]);

    /// <summary>Drops a document from the cache (after a delete or a new upload of the same id).</summary>
    public void Forget(long documentId) => _cache.TryRemove(documentId, out _);

    public void Clear() => _cache.Clear();
}

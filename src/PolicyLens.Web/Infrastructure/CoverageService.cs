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
    public AnalyzedPlan? Get(long documentId)
    {
        if (_cache.TryGetValue(documentId, out var cached))
        {
            // A re-tag adds a run; the cached analysis is then stale.
            var runs = store.ListRuns(documentId);
            if (runs.Count > 0 && runs[^1].Id == cached.Run.Id) return cached;
            _cache.TryRemove(documentId, out _);
        }
        var plan = store.LoadPlan(documentId);
        return plan is null ? null : Analyze(plan);
    }

    private AnalyzedPlan Analyze(StoredPlan plan)
    {
        var info = plan.Document.ToPlanInfo(plan.Run.RuleSetVersion, plan.Document.Municipality ?? Municipality.Guess(plan.Document));
        var analyzed = new AnalyzedPlan(plan.Document, plan.Run, analyzer.Analyze(info, plan.Passages, rules.Labels));
        if (_cache.Count >= MaxCached) _cache.Clear();
        _cache[plan.Document.Id] = analyzed;
        return analyzed;
    }

    /// <summary>The analysed plans of the given ids that exist, in the given order.</summary>
    public IReadOnlyList<AnalyzedPlan> GetMany(IEnumerable<long> ids)
    {
        var list = ids.Distinct().ToArray();
        var result = new AnalyzedPlan?[list.Length];
        Parallel.For(0, list.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => result[i] = Get(list[i]));
        return [.. result.OfType<AnalyzedPlan>()];
    }

    /// <summary>
    /// The analysed plans of documents just listed, in the given order. A cached analysis is
    /// current when its rule-set version is the listed one (a re-tag always changes it: runs with
    /// an unchanged version are skipped), so the store is not asked again. The others are read in
    /// batches (<see cref="IPlanStore.LoadPlans"/>), one per core, and analysed there: the first
    /// look at hundreds of plans costs a few queries and the analyses spread over all cores.
    /// </summary>
    public IReadOnlyList<AnalyzedPlan> GetMany(IEnumerable<DocumentSummary> documents)
    {
        var list = documents.DistinctBy(d => d.Id).ToArray();
        var result = new AnalyzedPlan?[list.Length];
        var missing = new List<int>();
        for (var i = 0; i < list.Length; i++)
            if (_cache.TryGetValue(list[i].Id, out var known) && known.Run.RuleSetVersion == list[i].RuleSetVersion) result[i] = known;
            else missing.Add(i);
        if (missing.Count > 0)
        {
            var slots = missing.Select((index, n) => (index, n)).GroupBy(x => x.n % Math.Max(1, Environment.ProcessorCount), x => x.index).ToArray();
            Parallel.ForEach(slots, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
            {
                var indexes = batch.ToArray();
                var byId = store.LoadPlans([.. indexes.Select(i => list[i].Id)]).ToDictionary(p => p.Document.Id);
                foreach (var i in indexes)
                    if (byId.TryGetValue(list[i].Id, out var plan)) result[i] = Analyze(plan);
            });
        }
        return [.. result.OfType<AnalyzedPlan>()];
    }

    public PlanComparison Compare(IReadOnlyList<AnalyzedPlan> plans) => comparer.Compare([.. plans.Select(p => p.Coverage)]);

    /// <summary>Drops a document from the cache (after a delete or a new upload of the same id).</summary>
    public void Forget(long documentId) => _cache.TryRemove(documentId, out _);

    public void Clear() => _cache.Clear();
}

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
        if (plan is null) return null;
        var info = new PlanInfo(plan.Document.Title, plan.Document.FileName, plan.Document.Municipality ?? Municipality.Guess(plan.Document),
            plan.Document.PageCount, plan.Run.RuleSetVersion, plan.Document.Id);
        var analyzed = new AnalyzedPlan(plan.Document, plan.Run, analyzer.Analyze(info, plan.Passages, rules.Labels));
        if (_cache.Count >= MaxCached) _cache.Clear();
        _cache[documentId] = analyzed;
        return analyzed;
    }

    /// <summary>The analysed plans of the given ids that exist, in the given order.</summary>
    public IReadOnlyList<AnalyzedPlan> GetMany(IEnumerable<long> ids) =>
        [.. ids.Distinct().Select(Get).OfType<AnalyzedPlan>()];

    public PlanComparison Compare(IReadOnlyList<AnalyzedPlan> plans) => comparer.Compare([.. plans.Select(p => p.Coverage)]);

    /// <summary>Drops a document from the cache (after a delete or a new upload of the same id).</summary>
    public void Forget(long documentId) => _cache.TryRemove(documentId, out _);

    public void Clear() => _cache.Clear();
}

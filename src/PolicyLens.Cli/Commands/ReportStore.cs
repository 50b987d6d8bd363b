using System.CommandLine;
using System.Text.Json;
using PolicyLens.Coverage;
using PolicyLens.Storage;
using PolicyLens.Tagging;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// Reads analysed plans from the store for <c>report</c> and <c>compare</c>. Read-only: a database
/// that does not exist is an error, never silently created.
/// </summary>
internal static class ReportStore
{
    public static Option<string?> DatabaseOption() => StoreAccess.DbOption();

    public static string ResolveDatabasePath(string? option) => StoreAccess.ResolvePath(option);

    /// <summary>Opens the store for reading; null (reason on stderr) when there is no database there.</summary>
    private static SqlitePlanStore? Open(string? option, TextWriter stderr)
    {
        var path = ResolveDatabasePath(option);
        if (path != SqliteStoreOptions.InMemory && !File.Exists(path))
        {
            stderr.WriteLine($"policylens: {path}: no database there; ingest plans first ('policylens ingest FILES --db {path}') or give --db");
            return null;
        }
        try
        {
            return SqlitePlanStore.Open(new SqliteStoreOptions(path));
        }
        catch (PlanStoreException ex)
        {
            stderr.WriteLine($"policylens: {path}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Loads one stored document and analyses it with the current rule set's labels.</summary>
    public static PlanCoverage? LoadCoverage(long id, string? option, IPassageTagger tagger, ICoverageAnalyzer analyzer, TextWriter stderr)
    {
        using var store = Open(option, stderr);
        if (store is null) return null;
        try
        {
            var plan = store.LoadPlan(id);
            if (plan is null)
            {
                stderr.WriteLine($"policylens: no document with id {id} in {ResolveDatabasePath(option)}; see 'policylens list'");
                return null;
            }
            return Analyze(plan, tagger, analyzer, stderr);
        }
        catch (PlanStoreException ex)
        {
            stderr.WriteLine($"policylens: document {id}: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// The given stored documents analysed, in the order given, from one open store. Unknown ids are
    /// named on stderr; null when any id is unknown or the store cannot be read.
    /// </summary>
    public static IReadOnlyList<PlanCoverage>? LoadMany(IReadOnlyList<long> ids, string? option, IPassageTagger tagger, ICoverageAnalyzer analyzer, TextWriter stderr)
    {
        using var store = Open(option, stderr);
        if (store is null) return null;
        try
        {
            var result = new List<PlanCoverage>(ids.Count);
            var missing = false;
            foreach (var id in ids)
            {
                if (store.LoadPlan(id) is { } plan) result.Add(Analyze(plan, tagger, analyzer, stderr));
                else
                {
                    stderr.WriteLine($"policylens: no document with id {id} in {ResolveDatabasePath(option)}; see 'policylens list'");
                    missing = true;
                }
            }
            return missing ? null : result;
        }
        catch (PlanStoreException ex)
        {
            stderr.WriteLine($"policylens: {ResolveDatabasePath(option)}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Every stored document analysed, in id order; null when the store cannot be read.</summary>
    public static IReadOnlyList<PlanCoverage>? LoadAll(string? option, IPassageTagger tagger, ICoverageAnalyzer analyzer, TextWriter stderr)
    {
        using var store = Open(option, stderr);
        if (store is null) return null;
        try
        {
            var result = new List<PlanCoverage>();
            foreach (var summary in store.ListDocuments().OrderBy(d => d.Id))
                if (store.LoadPlan(summary.Id) is { } plan) result.Add(Analyze(plan, tagger, analyzer, stderr));
            return result;
        }
        catch (PlanStoreException ex)
        {
            stderr.WriteLine($"policylens: {ResolveDatabasePath(option)}: {ex.Message}");
            return null;
        }
    }

    private static PlanCoverage Analyze(StoredPlan plan, IPassageTagger tagger, ICoverageAnalyzer analyzer, TextWriter stderr)
    {
        var d = plan.Document;
        if (plan.Run.RuleSetVersion != tagger.RuleSetVersion)
            stderr.WriteLine($"policylens: warning: document {d.Id} was tagged with rule set {plan.Run.RuleSetVersion}, the current rules are {tagger.RuleSetVersion}; run 'policylens retag' to bring it up to date");
        var info = new PlanInfo(d.Title, d.FileName, d.Municipality, d.PageCount, plan.Run.RuleSetVersion, d.Id, PlanTagging.WarningsOf(plan.Issues));
        return analyzer.Analyze(info, plan.Passages, tagger.Labels);
    }
}

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
            stderr.WriteLine($"policylens: {path}: daar staat geen database; lees eerst plannen in ('policylens ingest BESTANDEN --db {path}') of geef --db");
            return null;
        }
        try
        {
            return SqlitePlanStore.Open(new SqliteStoreOptions(path));
        }
        catch (PlanStoreException ex)
        {
            stderr.WriteLine(StoreAccess.DatabaseProblem(ex));
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
                stderr.WriteLine(NoSuchDocument(id, option));
                return null;
            }
            return Analyze(plan, tagger, analyzer, stderr);
        }
        catch (PlanStoreException ex)
        {
            stderr.WriteLine(StoreAccess.DatabaseProblem(ex));
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
                    stderr.WriteLine(NoSuchDocument(id, option));
                    missing = true;
                }
            }
            return missing ? null : result;
        }
        catch (PlanStoreException ex)
        {
            stderr.WriteLine(StoreAccess.DatabaseProblem(ex));
            return null;
        }
    }

    /// <summary>The newest version of every stored plan analysed, in id order; null when the store cannot be read.</summary>
    public static IReadOnlyList<PlanCoverage>? LoadAll(string? option, IPassageTagger tagger, ICoverageAnalyzer analyzer, TextWriter stderr)
    {
        using var store = Open(option, stderr);
        if (store is null) return null;
        try
        {
            var result = new List<PlanCoverage>();
            // Older versions of a plan would count it twice: the newest version of each plan stands for it.
            foreach (var version in store.LatestVersions().OrderBy(v => v.Document.Id))
                if (store.LoadPlan(version.Document.Id) is { } plan) result.Add(Analyze(plan, tagger, analyzer, stderr));
            return result;
        }
        catch (PlanStoreException ex)
        {
            stderr.WriteLine(StoreAccess.DatabaseProblem(ex));
            return null;
        }
    }

    private static string NoSuchDocument(long id, string? option) =>
        $"policylens: er is geen document met nummer {id} in {ResolveDatabasePath(option)}; zie 'policylens list'";

    private static PlanCoverage Analyze(StoredPlan plan, IPassageTagger tagger, ICoverageAnalyzer analyzer, TextWriter stderr)
    {
        var d = plan.Document;
        if (plan.Run.RuleSetVersion != tagger.RuleSetVersion)
            stderr.WriteLine($"policylens: waarschuwing: document {d.Id} is getagd met regelset {plan.Run.RuleSetVersion}, de huidige regels zijn {tagger.RuleSetVersion}; voer 'policylens retag' uit om het bij te werken");
        return analyzer.Analyze(d.ToPlanInfo(plan.Run.RuleSetVersion, PlanTagging.WarningsOf(plan.Issues)), plan.Passages, tagger.Labels);
    }
}

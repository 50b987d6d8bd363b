using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Coverage;
using PolicyLens.Tagging;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Compare;

/// <summary>
/// Plans × labels of one dimension for hundreds of plans: filters (municipality, province, year,
/// type, failed check), versions grouped, sorting on every column, the share of plans per label
/// and status as a chart, and one plan benchmarked against the others. All state is in the query
/// string (<see cref="ComparisonQuery"/>), so every view is a link and its exports hold its plans.
/// </summary>
public sealed class CompareModel(ComparisonSelection selection) : PageModel
{
    public ComparisonQuery Query { get; private set; } = new();
    public ComparisonView View { get; private set; } = null!;
    public PlanComparison? Comparison => View.Comparison;
    public IReadOnlyList<(LabelInfo Label, int Index)> Columns { get; private set; } = [];
    public IReadOnlyList<string> Dimensions { get; private set; } = [];

    /// <summary>Row index of the benchmarked plan, or -1.</summary>
    public int BenchmarkRow { get; private set; } = -1;

    /// <summary>Dutch, case-insensitive, numbers by value: "plan 2" before "plan 10", as a reader expects of numbered plans.</summary>
    internal static StringComparer TitleOrder => ComparisonSelection.Dutch;

    public void OnGet()
    {
        ViewData["Title"] = "Plannen vergelijken";
        Query = ComparisonQuery.From(Request.Query);
        View = selection.Select(Query);
        if (View.Comparison is not { } comparison) return;
        Dimensions = [.. LabelCatalog.Dimensions.Where(d => comparison.Labels.Any(l => l.Dimension == d))];
        if (!Dimensions.Contains(Query.Dimension)) Query = Query with { Dimension = "element" };
        Columns = [.. comparison.For(Query.Dimension)];
        if (Query.Benchmark is { } id)
            BenchmarkRow = Enumerable.Range(0, View.Rows.Count).FirstOrDefault(i => View.Rows[i].Document.Id == id, -1);
    }

    public ComparisonStatistics Statistics => View.Statistics!;

    /// <summary>Link to this page with some parameters changed.</summary>
    public string Link(ComparisonQuery query)
    {
        var q = query.ToQueryString();
        return "/vergelijken" + (q.Length == 0 ? "" : "?" + q);
    }

    /// <summary>The link of a column header: sort by it; again on the sorted column turns the order round.</summary>
    public string SortLink(string key)
    {
        // Numbers read best largest first, names A to Z.
        var descending = Query.Sort == key ? !Query.Descending : key is not ("gemeente" or "titel" or "provincie");
        return Link(Query with { Sort = key, Descending = descending });
    }

    public string ExportLink(string format, string? extra = null)
    {
        var q = Query.ToQueryString(withView: false);
        if (Query.Dimension != "element") q += (q.Length > 0 ? "&" : "") + "dimensie=" + Query.Dimension;
        if (extra is not null) q += (q.Length > 0 ? "&" : "") + extra;
        return $"/vergelijken/export/{format}" + (q.Length == 0 ? "" : "?" + q);
    }

    /// <summary>aria-sort value for a column header.</summary>
    public string? AriaSort(string key) => Query.Sort == key ? (Query.Descending ? "descending" : "ascending") : null;

    public string VersionText(ComparisonRow row) => row.VersionCount > 1 ? $"versie {row.Version} van {row.VersionCount}" : "";

    /// <summary>The sorted column in words.</summary>
    public string SortName => Query.Sort switch
    {
        "gemeente" or "titel" or "provincie" or "jaar" or "dekking" => Query.Sort,
        _ => Comparison?.LabelIndex(Query.Sort) is { } i and >= 0 ? Comparison.Labels[i].Name : "gemeente",
    };

    /// <summary>"Plaats 12 van de 245 gemeenten: 180 dekken minder, 52 evenveel en 12 meer (percentiel 76)."</summary>
    public string StandingText(PlanStanding s) =>
        $"Plaats {s.Place} van de {s.Total} {Noun(s.Total)}: {s.Worse} {(s.Worse == 1 ? "dekt" : "dekken")} minder, {s.Equal - 1} evenveel en {s.Better} meer (percentiel {s.Percentile}).";

    /// <summary>"12 van de 245 gemeenten".</summary>
    public string OfAll(int count) => $"{count} van de {Statistics.PlanCount} {Noun(Statistics.PlanCount)}";

    /// <summary>Counts are of plans, named as municipalities when every counted plan has one.</summary>
    private string Noun(int n) => Statistics.Plans.All(i => View.Rows[i].Info.Municipality is not null)
        ? (n == 1 ? "gemeente" : "gemeenten")
        : (n == 1 ? "plan" : "plannen");
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Coverage;
using PolicyLens.Storage;
using PolicyLens.Tagging;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Compare;

/// <summary>
/// Plans × labels of one dimension as a heatmap. Which plans (<c>ids</c>, none = all), the
/// dimension (<c>dimensie</c>) and the order (<c>sort</c>, <c>richting</c>) come from the query
/// string, so every view is a link and sorting happens on the server.
/// </summary>
public sealed class CompareModel(CoverageService coverage) : PageModel
{
    [FromQuery(Name = "ids")] public List<long> Ids { get; set; } = [];
    [FromQuery(Name = "dimensie")] public string? Dimension { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "richting")] public string? Direction { get; set; }

    public IReadOnlyList<DocumentSummary> AllDocuments { get; private set; } = [];
    public PlanComparison? Comparison { get; private set; }
    public IReadOnlyList<AnalyzedPlan> Plans { get; private set; } = [];

    /// <summary>Plan indexes into <see cref="Comparison"/> in display order.</summary>
    public IReadOnlyList<int> Order { get; private set; } = [];
    public IReadOnlyList<(LabelInfo Label, int Index)> Columns { get; private set; } = [];
    public IReadOnlyList<string> Dimensions { get; private set; } = [];
    public string SelectedDimension { get; private set; } = "element";
    public string SortKey { get; private set; } = "titel";
    public bool Descending { get; private set; }

    public void OnGet()
    {
        ViewData["Title"] = "Plannen vergelijken";
        AllDocuments = coverage.Store.ListDocuments();
        var ids = Ids.Count == 0 ? AllDocuments.Select(d => d.Id) : Ids;
        Plans = coverage.GetMany(ids);
        if (Plans.Count == 0) return;
        var comparison = coverage.Compare(Plans);
        Comparison = comparison;
        Dimensions = [.. LabelCatalog.Dimensions.Where(d => comparison.Labels.Any(l => l.Dimension == d))];
        SelectedDimension = Dimension is { } dim && Dimensions.Contains(dim) ? dim : "element";
        Columns = [.. comparison.For(SelectedDimension)];
        SortKey = Sort ?? "titel";
        Descending = Direction == "af" || Direction is null && SortKey != "titel";
        Order = SortPlans(comparison);
    }

    /// <summary>Dutch, case-insensitive, numbers by value: "plan 2" before "plan 10", as a reader expects of numbered plans.</summary>
    internal static readonly StringComparer TitleOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"),
        System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.NumericOrdering);

    private IReadOnlyList<int> SortPlans(PlanComparison comparison)
    {
        var indexes = Enumerable.Range(0, comparison.Plans.Count);
        var byTitle = TitleOrder;
        IOrderedEnumerable<int> ordered;
        if (SortKey == "dekking")
            ordered = Descending ? indexes.OrderByDescending(Covered) : indexes.OrderBy(Covered);
        else if (comparison.LabelIndex(SortKey) is var li and >= 0)
            ordered = Descending
                ? indexes.OrderByDescending(i => comparison.Cell(i, li).Strength)
                : indexes.OrderBy(i => comparison.Cell(i, li).Strength);
        else
        {
            SortKey = "titel";
            ordered = Descending ? indexes.OrderByDescending(i => comparison.Plans[i].Title, byTitle) : indexes.OrderBy(i => comparison.Plans[i].Title, byTitle);
        }
        return [.. ordered.ThenBy(i => comparison.Plans[i].Title, byTitle)];
    }

    /// <summary>Labels of the selected dimension the plan covers at least by mention.</summary>
    public int Covered(int planIndex)
    {
        var count = 0;
        foreach (var (_, index) in Columns)
            if (Comparison!.Cell(planIndex, index).Covered) count++;
        return count;
    }

    /// <summary>Link to this page with the same plans and another dimension or order.</summary>
    public string Link(string? sort = null, string? dimension = null, bool? descending = null)
    {
        var query = new List<string>();
        foreach (var id in Ids) query.Add($"ids={id}");
        query.Add("dimensie=" + Uri.EscapeDataString(dimension ?? SelectedDimension));
        var s = sort ?? SortKey;
        query.Add("sort=" + Uri.EscapeDataString(s));
        var desc = descending ?? (sort is null ? Descending : sort == SortKey ? !Descending : s != "titel");
        query.Add("richting=" + (desc ? "af" : "op"));
        return "/vergelijken?" + string.Join("&", query);
    }

    public string ExportLink(string format) =>
        $"/vergelijken/export/{format}" + (Ids.Count == 0 ? "" : "?" + string.Join("&", Ids.Select(id => $"ids={id}")));

    /// <summary>aria-sort value for a column header.</summary>
    public string? AriaSort(string key) => SortKey == key ? (Descending ? "descending" : "ascending") : null;
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Storage;

namespace PolicyLens.Web.Pages.Search;

/// <summary>Full-text search over every stored passage; the store makes any typed text a safe query.</summary>
public sealed class SearchModel(IPlanStore store) : PageModel
{
    public const int Limit = 100;

    [FromQuery(Name = "q")] public string? Query { get; set; }
    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public void OnGet()
    {
        ViewData["Title"] = string.IsNullOrWhiteSpace(Query) ? "Zoeken" : $"Zoeken: {Query}";
        if (string.IsNullOrWhiteSpace(Query)) return;
        if (Query.Length > 200) Query = Query[..200];
        Hits = store.Search(Query, Limit);
    }
}

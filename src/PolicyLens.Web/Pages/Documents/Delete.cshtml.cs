using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Storage;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Documents;

/// <summary>
/// Asks before a plan is deleted (what goes, what stays), deletes on the confirming POST and
/// says on the plans page what happened. Works without JavaScript.
/// </summary>
public sealed class DeleteModel(CoverageService coverage) : PageModel
{
    public DocumentSummary Document { get; private set; } = null!;

    /// <summary>The plan's versions, oldest first; more than one when others stay after the delete.</summary>
    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];
    public PlanVersion? ThisVersion => Versions.FirstOrDefault(v => v.Document.Id == Document.Id);

    /// <summary>Shown on the plans page after the redirect.</summary>
    [TempData] public string? Message { get; set; }

    public IActionResult OnGet(long id)
    {
        if (coverage.Store.FindDocument(id) is not { } document) return NotFound();
        Document = document;
        Versions = coverage.Store.ListVersions(id);
        ViewData["Title"] = "Plan verwijderen";
        return Page();
    }

    public IActionResult OnPost(long id)
    {
        if (coverage.Store.FindDocument(id) is not { } document) return NotFound();
        var others = coverage.Store.ListVersions(id).Count - 1;
        if (!coverage.Store.DeleteDocument(id)) return NotFound();
        coverage.Forget(id);
        Message = $"‘{document.Title}’ is verwijderd, met alle analyses ervan."
            + (others > 0 ? $" De andere {(others == 1 ? "versie blijft" : $"{others} versies blijven")} bewaard." : "");
        return Redirect("/");
    }
}

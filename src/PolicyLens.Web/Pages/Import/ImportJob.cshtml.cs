using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Storage;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Import;

/// <summary>Progress and outcome of an import: per file the rows, the skipped rows with their reasons, and the plans new, newer or unchanged.</summary>
[ResponseCache(NoStore = true)]
public sealed class ImportJobModel(ImportJobs jobs) : PageModel
{
    public ImportJob Job { get; private set; } = null!;
    public bool IsDone { get; private set; }

    public IActionResult OnGet(string id)
    {
        if (jobs.Find(id) is not { } job) return NotFound();
        Job = job;
        IsDone = job.Done;
        ViewData["Title"] = !IsDone ? "Bezig met importeren" : job.Error is not null || job.Outcomes!.All(o => o.Failed) ? "Import mislukt" : "Import klaar";
        if (IsDone && (job.Error is not null || job.Outcomes!.All(o => o.Failed))) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public static string StateText(PlanImportOutcome plan) => plan.State switch
    {
        ImportState.New => "nieuw",
        ImportState.NewVersion => $"nieuwe versie ({plan.Version})",
        ImportState.Unchanged => "ongewijzigd",
        _ => "mislukt",
    };
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Jobs;

/// <summary>
/// Progress of an upload. While files are being read the page refreshes itself (meta refresh;
/// job.js polls faster); when one file is done it moves on to its report, unless reading it gave
/// warnings (they show here first). A job whose files all failed answers 422 with the file names
/// and reasons; files lost in a restart are listed to be uploaded again. Only the browser that
/// started a job sees it.
/// </summary>
[ResponseCache(NoStore = true)]
public sealed class JobModel(JobRegistry jobs) : PageModel
{
    public UploadJob Job { get; private set; } = null!;

    /// <summary>
    /// Whether the job was done when the request began. The worker moves on while the page
    /// renders; deciding once keeps redirect, status code and refresh consistent.
    /// </summary>
    public bool IsDone { get; private set; }

    public IActionResult OnGet(string id)
    {
        // Another browser's job does not exist, as far as this one can tell.
        if (jobs.Find(id) is not { } job || !job.IsVisibleTo(ClientIdentity.Browser(HttpContext))) return NotFound();
        Job = job;
        IsDone = job.Done;
        // A file read with warnings (pages past the limit) stops here, so the warning is read before the report.
        if (IsDone && job.NextPage is { } next && job.Refused.Count == 0 && job.Files[0].Warnings.Count == 0) return Redirect(next);
        if (IsDone && job.AllFailed) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        ViewData["Title"] = !IsDone ? "Bezig met verwerken"
            : job.AllFailed ? "Verwerken mislukt"
            : job.Files.Any(f => f.Failed) ? "Upload deels verwerkt"
            : "Upload verwerkt";
        return Page();
    }
}

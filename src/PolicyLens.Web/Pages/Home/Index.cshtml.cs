using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PolicyLens.Coverage;
using PolicyLens.Storage;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Home;

/// <summary>One row of the document list: the document and the status of each working element.</summary>
public sealed record DocumentRow(DocumentSummary Document, string? Municipality, IReadOnlyList<ElementStatus> Elements);

public sealed class IndexModel(CoverageService coverage, JobRegistry jobs, IOptions<PolicyLensOptions> options) : PageModel
{
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<UploadJob> ActiveJobs { get; private set; } = [];
    public PolicyLensOptions Options => options.Value;

    public void OnGet()
    {
        // Only this browser's uploads: another visitor's file names are none of its business.
        ActiveJobs = jobs.ActiveFor(ClientIdentity.Browser(HttpContext));
        Documents = [.. coverage.Store.ListDocuments().Select(d => new DocumentRow(d, d.Municipality ?? Municipality.Guess(d), coverage.ElementsOf(d)))];
    }
}

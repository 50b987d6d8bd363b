using Microsoft.AspNetCore.Mvc;
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
    public UploadForm Upload { get; private set; } = null!;

    /// <summary>Version number and count per document, for documents whose plan has several versions.</summary>
    public IReadOnlyDictionary<long, PlanVersion> Versions { get; private set; } = new Dictionary<long, PlanVersion>();

    /// <summary>What the last action did (e.g. a delete), shown once.</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>From a report's "Nieuwe versie uploaden": the plan the upload form preselects.</summary>
    [FromQuery(Name = "versieVan")] public long? VersionOf { get; set; }

    public void OnGet()
    {
        // Only this browser's uploads: another visitor's file names are none of its business.
        ActiveJobs = jobs.ActiveFor(ClientIdentity.Browser(HttpContext));
        Upload = UploadForm.For(options.Value, coverage.Store, VersionOf);
        Versions = coverage.Store.LatestVersions().Where(v => v.VersionCount > 1)
            .SelectMany(v => coverage.Store.ListVersions(v.Document.Id))
            .ToDictionary(v => v.Document.Id);
        Documents = [.. coverage.Store.ListDocuments().Select(d => new DocumentRow(d, d.Municipality ?? Municipality.Guess(d), coverage.ElementsOf(d)))];
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PolicyLens.Coverage;
using PolicyLens.Storage;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Home;

/// <summary>One row of the document list: the document and the status of each working element.</summary>
public sealed record DocumentRow(DocumentSummary Document, string? Municipality, IReadOnlyList<LabelCoverage> Elements);

public sealed class IndexModel(CoverageService coverage, JobRegistry jobs, IOptions<PolicyLensOptions> options) : PageModel
{
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<UploadJob> ActiveJobs { get; private set; } = [];
    public PolicyLensOptions Options => options.Value;

    public void OnGet()
    {
        ActiveJobs = jobs.Active;
        Documents = [.. coverage.Store.ListDocuments().Select(d =>
        {
            var plan = coverage.Get(d.Id);
            return new DocumentRow(d, d.Municipality ?? Municipality.Guess(d), plan?.Coverage.For("element") ?? []);
        })];
    }
}

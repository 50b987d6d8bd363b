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
        var documents = coverage.Store.ListDocuments();
        // In one batch: after an import of hundreds of plans their first analyses share the cores.
        var analyzed = coverage.GetMany(documents).ToDictionary(p => p.Document.Id);
        Documents = [.. documents.Select(d =>
            new DocumentRow(d, d.Municipality ?? Municipality.Guess(d), analyzed.TryGetValue(d.Id, out var plan) ? plan.Coverage.For("element") : []))];
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PolicyLens.Import;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Import;

/// <summary>
/// The structured import: tables of plan actions (the Flemish BBC export, or CSV/XLSX/JSON with
/// another shipped mapping) become one plan per municipality. Accepted uploads go to their job
/// page; refused ones come back here with a 4xx status and the reason.
/// </summary>
public sealed class ImportModel(ImportService imports, IOptions<PolicyLensOptions> options) : PageModel
{
    public IReadOnlyList<TableMapping> Mappings { get; private set; } = [];
    public ImportRejection? Rejection { get; private set; }
    public PolicyLensOptions Options => options.Value;

    public void OnGet()
    {
        ViewData["Title"] = "Meerjarenplannen importeren";
        Mappings = imports.Mappings();
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, string? mapping, string? planColumn, CancellationToken cancellationToken)
    {
        var (job, rejection) = await imports.AcceptAsync(files ?? [], mapping, planColumn?.Trim() is { Length: <= 100 } c ? c : null, cancellationToken);
        if (job is not null) return Redirect($"/importeren/{job.Id}");
        OnGet();
        ViewData["Title"] = "Import niet gelukt";
        Rejection = rejection;
        Response.StatusCode = rejection!.StatusCode;
        return Page();
    }
}

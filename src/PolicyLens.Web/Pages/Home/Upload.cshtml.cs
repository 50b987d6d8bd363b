using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Home;

/// <summary>Receives the upload form: refused uploads come back here with a 4xx status; accepted ones go to their job page.</summary>
public sealed class UploadModel(UploadService uploads, CoverageService coverage, IOptions<PolicyLensOptions> options) : PageModel
{
    public UploadRejection? Rejection { get; private set; }
    public UploadForm Upload { get; private set; } = null!;

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, string? municipality, long? versionOf, CancellationToken cancellationToken)
    {
        Upload = UploadForm.For(options.Value, coverage.Store, versionOf);
        // A new version is one file of an existing plan; anything else is refused before the files are read.
        var versionProblem = versionOf is null ? null
            : coverage.Store.FindDocument(versionOf.Value) is null ? "Het plan waarvan dit een nieuwe versie zou zijn, bestaat niet (meer). Kies een ander plan of upload het als nieuw plan."
            : (files?.Count(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)) ?? 0) > 1 ? "Upload één bestand als nieuwe versie van een plan; meer bestanden tegelijk kunnen alleen als nieuwe plannen."
            : null;
        if (versionProblem is not null) return Refuse(new UploadRejection(StatusCodes.Status400BadRequest, versionProblem, []));
        var uploader = new Uploader(ClientIdentity.Client(HttpContext), ClientIdentity.EnsureBrowser(HttpContext));
        var (job, rejection) = await uploads.AcceptAsync(files ?? [], municipality?.Trim() is { Length: <= 100 } m ? m : null, uploader, cancellationToken, versionOf);
        if (job is not null) return Redirect($"/taken/{job.Id}");
        return Refuse(rejection!);
    }

    private PageResult Refuse(UploadRejection rejection)
    {
        Rejection = rejection;
        Response.StatusCode = rejection.StatusCode;
        if (rejection.RetryAfter is { } wait) Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ViewData["Title"] = "Upload niet gelukt";
        return Page();
    }
}

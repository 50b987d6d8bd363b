using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Home;

/// <summary>Receives the upload form: refused uploads come back here with a 4xx status; accepted ones go to their job page.</summary>
public sealed class UploadModel(UploadService uploads, IOptions<PolicyLensOptions> options) : PageModel
{
    public UploadRejection? Rejection { get; private set; }
    public PolicyLensOptions Options => options.Value;

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, string? municipality, CancellationToken cancellationToken)
    {
        var uploader = new Uploader(ClientIdentity.Client(HttpContext), ClientIdentity.EnsureBrowser(HttpContext));
        var (job, rejection) = await uploads.AcceptAsync(files ?? [], municipality?.Trim() is { Length: <= 100 } m ? m : null, uploader, cancellationToken);
        if (job is not null) return Redirect($"/taken/{job.Id}");
        Rejection = rejection;
        Response.StatusCode = rejection!.StatusCode;
        if (rejection.RetryAfter is { } wait) Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ViewData["Title"] = "Upload niet gelukt";
        return Page();
    }
}

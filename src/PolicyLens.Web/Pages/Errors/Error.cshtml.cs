using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Errors;

/// <summary>
/// The friendly Dutch error page for exceptions (/fout) and error status codes (/fout/404 …).
/// Re-executed requests keep their method, so it answers POST too, without an antiforgery check
/// (the original request already failed; this page changes nothing).
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel(UploadService uploads, ILogger<ErrorModel> log) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    // The code comes from the route only: a re-executed POST with a malformed body would fail to
    // bind it from the form, and the page then said 500 for what was the client's 400.
    public void OnGet([FromRoute] int? code) => Describe(code);

    public void OnPost([FromRoute] int? code) => Describe(code);

    private void Describe(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Code = code ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? StatusFor(exception);
        if (exception is not null)
        {
            if (Code >= 500) log.LogError(exception, "Unhandled error on {Path}", HttpContext.Features.Get<IExceptionHandlerFeature>()?.Path);
            Response.StatusCode = Code;
        }
        (Heading, Message) = Code switch
        {
            400 => ("Het verzoek kon niet verwerkt worden",
                "Het formulier was verlopen of onvolledig. Laad de pagina opnieuw en probeer het nog eens."),
            403 => ("Geen toegang", "U hebt geen toegang tot deze pagina."),
            404 => ("Niet gevonden", "Deze pagina of dit plan bestaat niet (meer). Misschien is het plan verwijderd, of klopt het adres niet."),
            405 => ("Niet toegestaan", "Deze pagina kan niet op deze manier worden opgevraagd."),
            413 => ("De upload is te groot", $"U kunt {uploads.LimitsText} tegelijk uploaden. Splits het document of upload minder bestanden tegelijk."),
            415 => ("Bestandstype niet ondersteund", "PolicyLens leest PDF, DOCX, ODT, HTML, Markdown en platte tekst."),
            _ when Code >= 500 => ("Er ging iets mis",
                "Er ging aan onze kant iets mis bij het maken van deze pagina. De fout is vastgelegd; probeer het later opnieuw of ga terug naar de startpagina."),
            _ => ("Er ging iets mis", "Dit verzoek kon niet worden afgehandeld."),
        };
        ViewData["Title"] = Heading;
    }

    /// <summary>A request the client got wrong (a malformed or oversized form) is a 400, not the server's fault.</summary>
    private static int StatusFor(Exception? exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status400BadRequest,
        { InnerException: { } inner } => StatusFor(inner),
        _ => StatusCodes.Status500InternalServerError,
    };
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Storage;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Status;

/// <summary>Deletes every stored answer of the language model (they quote plan text), from the status page.</summary>
public sealed class LlmAnswersModel(SecondOpinionService service, IPlanStore store) : PageModel
{
    public IActionResult OnGet() => Redirect("/status#llm-kop");

    public IActionResult OnPostClear()
    {
        var cleared = service.ClearAnswers(store);
        return Redirect($"/status?gewist={cleared}#llm-kop");
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Llm;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Documents;

/// <summary>
/// "Tweede mening" of one plan: where passage text goes, asking the configured language model
/// (a background job with progress), the agreement per label, every tag marked as given by both,
/// rules/model only or the model only (with its quote), and the choice of tags the report's coverage uses.
/// </summary>
public sealed class SecondOpinionModel(CoverageService coverage, SecondOpinionService service, ReviewJobs jobs, RulesHolder rules) : PageModel
{
    /// <summary>At most this many passages listed; the rest is counted.</summary>
    public const int MaxPassages = 300;

    [FromQuery(Name = "toon")] public string? Show { get; set; }

    public AnalyzedPlan Plan { get; private set; } = null!;
    public SecondOpinionService Service => service;
    public RulesHolder Rules => rules;
    public ReviewJob? Job { get; private set; }
    public PlanSecondOpinion? Opinion { get; private set; }
    public TagSource Source { get; private set; }
    public bool ShowAll => Show == "alle";
    public IReadOnlyList<PassageComparison> Listed { get; private set; } = [];
    public int ListedTotal { get; private set; }

    public IActionResult OnGet(long id)
    {
        if (coverage.Get(id) is not { } plan) return NotFound();
        Plan = plan;
        ViewData["Title"] = "Tweede mening – " + plan.Document.Title;
        Job = jobs.Find(id);
        Opinion = service.Opinion(id);
        Source = SecondOpinionService.Source(Request, id, null);
        if (Opinion is not null)
        {
            var listed = Opinion.Passages.Where(p => p.Reviewed && (ShowAll || p.Tags.Any(t => t.Agreement != Agreement.Both))).ToList();
            ListedTotal = listed.Count;
            Listed = [.. listed.Take(MaxPassages)];
        }
        return Page();
    }

    /// <summary>Starts the background job (or joins the running one) and shows its progress.</summary>
    public IActionResult OnPostStart(long id)
    {
        if (coverage.Get(id) is null) return NotFound();
        if (jobs.Start(id) is null) return BadRequest();
        return Redirect($"/documenten/{id}/tweede-mening#voortgang");
    }

    /// <summary>Remembers in this browser which tags the plan's coverage uses, then shows the report.</summary>
    public IActionResult OnPostChoose(long id, string? labels)
    {
        if (coverage.Get(id) is null) return NotFound();
        var source = SecondOpinionService.Parse(labels) ?? TagSource.Rules;
        var name = SecondOpinionService.CookiePrefix + id;
        if (source == TagSource.Rules) Response.Cookies.Delete(name);
        else
            Response.Cookies.Append(name, SecondOpinionService.Key(source), new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
                Path = "/documenten/" + id,
            });
        return Redirect($"/documenten/{id}");
    }

    /// <summary>Progress for the page's script: counts, and whether the job is done.</summary>
    public IActionResult OnGetStatus(long id)
    {
        if (jobs.Find(id) is not { } job) return NotFound();
        var p = job.Progress;
        return new JsonResult(new { done = p.Done, total = p.Total, cached = p.Cached, failed = p.Failed, tokens = p.Tokens, finished = job.Done });
    }

    public string Name(TagComparison tag) => rules.NameOf(tag.Dimension, tag.Label);
}

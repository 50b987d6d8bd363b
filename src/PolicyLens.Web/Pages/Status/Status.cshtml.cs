using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyLens.Readers.Pdf;
using PolicyLens.Storage;
using PolicyLens.Web.Infrastructure;

namespace PolicyLens.Web.Pages.Status;

/// <summary>What this installation can do: PDF engine, rule set, database; and re-tagging after a rule change (in the background).</summary>
public sealed class StatusModel(EngineStatus engine, RulesHolder rules, IPlanStore store, AppPaths paths, JobRegistry jobs, RetagService retag)
    : PageModel
{
    public PdfEngineStatus Pdf { get; private set; } = null!;
    public IReadOnlyList<PdfEngineStatus> Engines { get; private set; } = [];
    public RulesHolder Rules => rules;
    public StoreStatus Store { get; private set; } = null!;
    public AppPaths Paths => paths;
    public int ActiveJobs { get; private set; }
    public int OutdatedDocuments { get; private set; }
    /// <summary>The running re-analysis, or the last one; null when none ran since start-up.</summary>
    public RetagRun? Retag { get; private set; }

    public void OnGet() => Load();

    /// <summary>Starts re-analysing in the background and comes back here, where its progress shows.</summary>
    public IActionResult OnPostRetag()
    {
        retag.Start();
        return Redirect("/status#opnieuw");
    }

    private void Load()
    {
        ViewData["Title"] = "Status";
        Pdf = engine.Pdf;
        Engines = engine.All;
        Store = store.Status();
        ActiveJobs = jobs.Active.Count;
        Retag = retag.Current;
        OutdatedDocuments = store.ListDocuments().Count(d => d.RuleSetVersion != rules.Version);
    }
}
